package com.weavecrm.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request the product refuses, rendered as {@code application/problem+json}. The {@code
 * messageKey} names a message in {@code messages*.properties}; field errors list every offending
 * field.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final List<FieldError> errors;

    public ApiException(HttpStatus status, String messageKey, List<FieldError> errors) {
        super(messageKey + (errors.isEmpty() ? "" : " " + errors));
        this.status = status;
        this.messageKey = messageKey;
        this.errors = List.copyOf(errors);
    }

    public ApiException(HttpStatus status, String messageKey) {
        this(status, messageKey, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public static ApiException badRequest(List<FieldError> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, "problem.bad_request", errors);
    }

    public static ApiException badRequest(String field, String code, Object... args) {
        return badRequest(List.of(FieldError.of(field, code, args)));
    }

    /** Absent, in another tenant or outside the caller's data scope: the caller cannot tell which. */
    public static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "problem.not_found");
    }

    public static ApiException forbidden() {
        return new ApiException(HttpStatus.FORBIDDEN, "problem.forbidden");
    }

    public static ApiException conflict(String messageKey, List<FieldError> errors) {
        return new ApiException(HttpStatus.CONFLICT, messageKey, errors);
    }

    public static ApiException duplicate(String field) {
        return conflict("problem.duplicate", List.of(FieldError.of(field, "duplicate")));
    }

    public static ApiException staleVersion() {
        return conflict("problem.stale_version", List.of());
    }

    public static ApiException unprocessable(String messageKey, List<FieldError> errors) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, messageKey, errors);
    }

    public static ApiException unauthorized() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "problem.unauthorized");
    }
}
