package com.weavecrm.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every failure of an API call into a problem response. Pages have their own error view;
 * this advice answers only for {@code /api/} paths and rethrows the rest.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ProblemWriter problems;

    public ApiExceptionHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> api(ApiException e, HttpServletRequest request) throws ApiException {
        return respond(request, e);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request)
            throws Exception {
        if (causedBy(e, BodySizeLimitFilter.BodyTooLargeException.class)) {
            return respond(request, BodySizeLimitFilter.tooLarge());
        }
        String field = "body";
        if (e.getCause() instanceof DatabindException databind
                && !databind.getPath().isEmpty()) {
            field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b)
                    .orElse("body");
        }
        String code = e.getCause() instanceof JacksonException && !(e.getCause() instanceof DatabindException)
                ? "malformed_json"
                : (e.getCause() == null ? "missing_body" : "invalid_value");
        return respond(request, ApiException.badRequest(field, code));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request)
            throws Exception {
        return respond(request, ApiException.badRequest(e.getName(), "invalid_value"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missingParameter(
            MissingServletRequestParameterException e, HttpServletRequest request) throws Exception {
        return respond(request, ApiException.badRequest(e.getParameterName(), "required"));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Map<String, Object>> missingHeader(MissingRequestHeaderException e, HttpServletRequest request)
            throws Exception {
        return respond(request, ApiException.badRequest(e.getHeaderName(), "required"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
            throws Exception {
        return respond(request, new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "problem.method_not_allowed"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
            throws Exception {
        return respond(request, new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.unsupported_media_type"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request)
            throws Exception {
        return respond(request, new ApiException(HttpStatus.NOT_ACCEPTABLE, "problem.not_acceptable"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noResource(NoResourceFoundException e, HttpServletRequest request)
            throws Exception {
        if (!isApi(request)) {
            throw e;
        }
        return respond(request, ApiException.notFound());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> denied(AccessDeniedException e, HttpServletRequest request) throws Exception {
        if (!isApi(request)) {
            throw e;
        }
        return respond(request, ApiException.forbidden());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (!isApi(request)) {
            throw e;
        }
        log.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(request, new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "problem.internal"));
    }

    private ResponseEntity<Map<String, Object>> respond(HttpServletRequest request, ApiException e) {
        if (!isApi(request)) {
            throw e;
        }
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(e.status()).contentType(ProblemWriter.PROBLEM_JSON);
        if (e instanceof TooManyRequestsException tooMany && tooMany.retryAfter() != null) {
            Duration retry = tooMany.retryAfter();
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retry.toSeconds())));
        }
        return builder.body(problems.body(request, e));
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
