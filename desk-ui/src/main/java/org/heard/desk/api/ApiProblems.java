package org.heard.desk.api;

import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/**
 * The API's errors as {@code {"error": "..."}}, answered here rather than by the servlet's error
 * page: an error dispatch would meet the desk's security chain, which answers 403 for any status.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems {

    record Problem(String error) {}

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Problem> refused(ResponseStatusException e) {
        return ResponseEntity.status(e.getStatusCode()).body(new Problem(e.getReason() == null ? "" : e.getReason()));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class, MissingRequestHeaderException.class})
    ResponseEntity<Problem> unreadable(Exception e) {
        return ResponseEntity.badRequest().body(new Problem("Unreadable request: " + e.getClass().getSimpleName()));
    }
}
