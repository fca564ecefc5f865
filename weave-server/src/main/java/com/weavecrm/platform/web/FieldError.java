package com.weavecrm.platform.web;

import java.util.List;

/**
 * One problem with one field of a request. {@code code} is a stable machine-readable token
 * ({@code required}, {@code too_long}, {@code unknown_field}, ...); the message is written in the
 * caller's language when the response is rendered.
 */
public record FieldError(String field, String code, List<Object> args) {

    public static FieldError of(String field, String code, Object... args) {
        return new FieldError(field, code, List.of(args));
    }
}
