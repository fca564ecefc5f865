package com.weavecrm.platform.metadata;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A field of an object: a column of the object's table.
 *
 * @param readOnly nobody writes it through the API (e.g. the customer's {@code cid})
 * @param standard shipped with the product; it cannot be deleted
 * @param maxLength for text fields, in characters
 * @param scale digits after the decimal point for decimal, money and percent
 * @param values the ordered values of a picklist
 * @param target the object a lookup points at
 * @param expression the CEL expression of a formula
 * @param pattern the pattern of an auto number, e.g. {@code TL-{0000}}
 * @param defaultValue the value a new record gets when none is given (in the API's JSON form)
 * @param validations CEL conditions the record must meet, each with the message shown when it does not
 * @param rollup for rollup fields: what is summed up from the related records
 * @param externalId whether the field holds another system's unique key, usable for upserts
 */
public record FieldDef(
        UUID id,
        String apiName,
        String column,
        FieldType type,
        Map<String, String> label,
        boolean required,
        boolean unique,
        boolean readOnly,
        boolean standard,
        Integer maxLength,
        Integer scale,
        List<PicklistValue> values,
        String target,
        String expression,
        String pattern,
        String helpText,
        int sortOrder,
        Object defaultValue,
        List<ValidationRule> validations,
        Rollup rollup,
        boolean externalId) {

    public static final int DEFAULT_TEXT_LENGTH = 255;

    /**
     * A rollup: {@code function} (count, sum, min, max) of {@code field} over the records of {@code object}
     * whose lookup {@code via} points at this record.
     */
    public record Rollup(String object, String via, String function, String field) {}

    /** A validation rule: the record is valid when {@code expression} is true. */
    public record ValidationRule(String expression, Map<String, String> message) {}

    public String labelIn(String languageTag) {
        String text = label.get(languageTag);
        return text != null ? text : label.values().stream().findFirst().orElse(apiName);
    }

    public boolean allowsValue(String value) {
        return values.stream().anyMatch(v -> v.value().equals(value));
    }
}
