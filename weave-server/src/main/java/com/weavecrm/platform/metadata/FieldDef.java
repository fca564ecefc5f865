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
        int sortOrder) {

    public static final int DEFAULT_TEXT_LENGTH = 255;

    public String labelIn(String languageTag) {
        String text = label.get(languageTag);
        return text != null ? text : label.values().stream().findFirst().orElse(apiName);
    }

    public boolean allowsValue(String value) {
        return values.stream().anyMatch(v -> v.value().equals(value));
    }
}
