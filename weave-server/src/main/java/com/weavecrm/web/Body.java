package com.weavecrm.web;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Builds the JSON body a service takes from form values, in the API's shape. */
final class Body {

    private final Map<String, Object> values = new LinkedHashMap<>();

    static Body create() {
        return new Body();
    }

    /** Puts any value as it is (a list, a map, null to clear). */
    Body put(String key, Object value) {
        values.put(key, value);
        return this;
    }

    /** Puts text only when something was entered (an empty input means "not given"). */
    Body text(String key, String value) {
        if (value != null && !value.isBlank()) {
            values.put(key, value);
        }
        return this;
    }

    /** Puts text, or null when the input is empty (clears an optional value on update). */
    Body textOrNull(String key, String value) {
        values.put(key, value == null || value.isBlank() ? null : value);
        return this;
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    JsonNode json(JsonMapper json) {
        return json.valueToTree(values);
    }

    /** A whole number when the input reads as one, else the text itself (so that the service names the problem). */
    static Object numberOrText(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return value.strip();
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
