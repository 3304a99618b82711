package org.heard.desk.api;

import java.io.UncheckedIOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/**
 * The API's errors as RFC 9457 problem details ({@code application/problem+json}: {@code type},
 * {@code title}, {@code status}, {@code detail}), answered here rather than by
 * the servlet's error page: an error dispatch would meet the desk's security chain, which answers
 * 403 for any status.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    /** A problem; for a reply, with what became of the draft ({@code state}, {@code warnings}). */
    static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String detail, Map<String, Object> properties) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail == null || detail.isBlank() ? null : detail);
        properties.forEach(problem::setProperty);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String detail) {
        return problem(status, detail, Map.of());
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> refused(ResponseStatusException e) {
        return problem(e.getStatusCode(), e.getReason());
    }

    /** Elasticsearch or Kafka out of reach: worth a retry later (with the same Idempotency-Key for a reply). */
    @ExceptionHandler(UncheckedIOException.class)
    ResponseEntity<ProblemDetail> unavailable(UncheckedIOException e) {
        log.warn("An API request failed: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable: try again shortly");
    }

    /** A parameter that is not one of its values: says which, and what it may be. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        return problem(HttpStatus.BAD_REQUEST, "Bad " + e.getName() + ": " + cause.getMessage());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingRequestHeaderException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception e) {
        return problem(
                HttpStatus.BAD_REQUEST, "Unreadable request: " + e.getClass().getSimpleName());
    }
}
