package com.weavecrm.platform.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON object from a request and collects every problem with it, so that one 400 response
 * names every offending field at once. Unknown keys are errors; values of the wrong type are
 * errors. Call {@link #finish()} after reading to throw when anything was wrong.
 */
public final class JsonInput {

    private final JsonNode body;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonInput(JsonNode body) {
        this.body = body;
    }

    /** An input accepting only {@code allowed} keys; a missing or non-object body is an error. */
    public static JsonInput of(JsonNode body, Set<String> allowed) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("body", "not_an_object");
        }
        JsonInput input = new JsonInput(body);
        for (String key : body.propertyNames()) {
            if (!allowed.contains(key)) {
                input.error(key, "unknown_field");
            }
        }
        return input;
    }

    public boolean has(String field) {
        return body.has(field);
    }

    public void error(String field, String code, Object... args) {
        errors.add(FieldError.of(field, code, args));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws a 400 listing every problem found so far. */
    public void finish() {
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
    }

    /** A string that must be present and not blank; trimmed. */
    public String requiredText(String field, int maxLength) {
        Optional<String> value = optionalText(field, maxLength);
        if (value.isEmpty() && !hasErrorFor(field)) {
            error(field, "required");
        }
        return value.orElse(null);
    }

    /** A string if given and not blank; trimmed. Null and blank both read as absent. */
    public Optional<String> optionalText(String field, int maxLength) {
        Optional<String> raw = rawString(field);
        if (raw.isEmpty()) {
            return raw;
        }
        String value = raw.get().strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            error(field, "too_long", maxLength);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A string matching {@code pattern}, if given. */
    public Optional<String> optionalMatching(String field, int maxLength, Pattern pattern) {
        Optional<String> value = optionalText(field, maxLength);
        if (value.isPresent() && !pattern.matcher(value.get()).matches()) {
            error(field, "invalid_format");
            return Optional.empty();
        }
        return value;
    }

    /** A string that must be present and match {@code pattern}. */
    public String requiredMatching(String field, int maxLength, Pattern pattern) {
        String value = requiredText(field, maxLength);
        if (value != null && !pattern.matcher(value).matches()) {
            error(field, "invalid_format");
            return null;
        }
        return value;
    }

    /** A password: kept exactly as given (no trimming), length-checked. */
    public Optional<String> optionalPassword(String field) {
        Optional<String> raw = rawString(field);
        if (raw.isEmpty()) {
            return raw;
        }
        String value = raw.get();
        if (value.length() < PasswordRules.MIN_LENGTH) {
            error(field, "too_short", PasswordRules.MIN_LENGTH);
            return Optional.empty();
        }
        if (value.length() > PasswordRules.MAX_LENGTH) {
            error(field, "too_long", PasswordRules.MAX_LENGTH);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    public String requiredPassword(String field) {
        Optional<String> value = optionalPassword(field);
        if (value.isEmpty() && !hasErrorFor(field)) {
            error(field, "required");
        }
        return value.orElse(null);
    }

    public Optional<UUID> optionalUuid(String field) {
        Optional<String> raw = rawString(field);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(raw.get()));
        } catch (IllegalArgumentException e) {
            error(field, "invalid_id");
            return Optional.empty();
        }
    }

    public Optional<OffsetDateTime> optionalDateTime(String field) {
        Optional<String> raw = rawString(field);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(raw.get()));
        } catch (DateTimeParseException e) {
            error(field, "invalid_datetime");
            return Optional.empty();
        }
    }

    public Optional<Integer> optionalInt(String field, int min, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            error(field, "invalid_type", "integer");
            return Optional.empty();
        }
        int value = node.intValue();
        if (value < min || value > max) {
            error(field, "out_of_range", min, max);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    public Optional<Boolean> optionalBoolean(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            error(field, "invalid_type", "boolean");
            return Optional.empty();
        }
        return Optional.of(node.booleanValue());
    }

    /** A list of strings (duplicates dropped, order kept); absent reads as empty. */
    public List<String> stringList(String field, int maxItems, int maxLength) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            error(field, "invalid_type", "array");
            return List.of();
        }
        if (node.size() > maxItems) {
            error(field, "too_many", maxItems);
            return List.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode item : node.values()) {
            if (!item.isString()
                    || item.stringValue().isBlank()
                    || item.stringValue().length() > maxLength) {
                error(field, "invalid_item");
                return List.of();
            }
            values.add(item.stringValue().strip());
        }
        return List.copyOf(values);
    }

    /** The raw node of a nested value, for callers that read structures of their own. */
    public Optional<JsonNode> node(String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
    }

    /** The string value of a field as sent; absent for null or missing, an error for another type. */
    private Optional<String> rawString(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isString()) {
            error(field, "invalid_type", "string");
            return Optional.empty();
        }
        return Optional.of(node.stringValue());
    }

    private boolean hasErrorFor(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }
}
