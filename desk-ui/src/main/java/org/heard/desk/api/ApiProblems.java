package org.heard.desk.api;

import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
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

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    record Problem(String error) {}

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Problem> refused(ResponseStatusException e) {
        return ResponseEntity.status(e.getStatusCode()).body(new Problem(e.getReason() == null ? "" : e.getReason()));
    }

    /** Elasticsearch or Kafka out of reach: worth a retry later (with the same Idempotency-Key for a reply). */
    @ExceptionHandler(UncheckedIOException.class)
    ResponseEntity<Problem> unavailable(UncheckedIOException e) {
        log.warn("An API request failed: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new Problem("Temporarily unavailable: try again shortly"));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class, MissingRequestHeaderException.class})
    ResponseEntity<Problem> unreadable(Exception e) {
        return ResponseEntity.badRequest().body(new Problem("Unreadable request: " + e.getClass().getSimpleName()));
    }
}
