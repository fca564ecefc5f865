package com.weavecrm.platform.metadata;

import com.weavecrm.platform.web.FieldError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Converts field values between the API's JSON and the Java values bound to SQL, per field type.
 * Reading never throws: a bad value adds an error naming the field, so a request reports every bad
 * field at once.
 */
public final class FieldValues {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    private FieldValues() {}

    /** The Java value of {@code node} for {@code field}; null for JSON null; errors go to {@code errors}. */
    public static Object read(FieldDef field, JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        String name = field.apiName();
        return switch (field.type()) {
            case TEXT, LONG_TEXT, PHONE, FORMULA, AUTO_NUMBER -> text(field, node, errors);
            case EMAIL -> matching(field, node, errors, EMAIL);
            case URL -> url(field, node, errors);
            case REGION -> region(field, node, errors);
            case INTEGER -> integer(name, node, errors);
            case DECIMAL, MONEY, PERCENT, ROLLUP -> decimal(field, node, errors);
            case BOOLEAN -> bool(name, node, errors);
            case DATE -> date(name, node, errors);
            case DATETIME -> dateTime(name, node, errors);
            case PICKLIST -> picklist(field, node, errors);
            case MULTI_PICKLIST -> multiPicklist(field, node, errors);
            case LOOKUP, USER -> uuid(name, node, errors);
        };
    }

    /** The API's JSON form of a stored value: money and decimals as strings with their scale. */
    public static Object write(FieldDef field, Object value) {
        if (value == null) {
            return null;
        }
        return switch (field.type()) {
            case DECIMAL, MONEY, PERCENT, ROLLUP ->
                ((BigDecimal) value)
                        .setScale(field.scale() == null ? 2 : field.scale(), RoundingMode.HALF_UP)
                        .toPlainString();
            case DATE, DATETIME, LOOKUP, USER -> value.toString();
            case MULTI_PICKLIST -> List.of((String[]) value);
            default -> value;
        };
    }

    /** The SQL type of a field's column as jOOQ binds it. */
    public static Class<?> javaType(FieldType type) {
        return switch (type) {
            case INTEGER -> Long.class;
            case DECIMAL, MONEY, PERCENT, ROLLUP -> BigDecimal.class;
            case BOOLEAN -> Boolean.class;
            case DATE -> LocalDate.class;
            case DATETIME -> OffsetDateTime.class;
            case MULTI_PICKLIST -> String[].class;
            case LOOKUP, USER -> UUID.class;
            default -> String.class;
        };
    }

    private static String text(FieldDef field, JsonNode node, List<FieldError> errors) {
        if (!node.isString()) {
            errors.add(FieldError.of(field.apiName(), "invalid_type", "string"));
            return null;
        }
        String value = node.stringValue().strip();
        int limit = field.maxLength() == null ? FieldDef.DEFAULT_TEXT_LENGTH : field.maxLength();
        if (value.codePointCount(0, value.length()) > limit) {
            errors.add(FieldError.of(field.apiName(), "too_long", limit));
            return null;
        }
        return value.isEmpty() ? null : value;
    }

    private static String matching(FieldDef field, JsonNode node, List<FieldError> errors, Pattern pattern) {
        String value = text(field, node, errors);
        if (value != null && !pattern.matcher(value).matches()) {
            errors.add(FieldError.of(field.apiName(), "invalid_format"));
            return null;
        }
        return value;
    }

    /** A region is the code of one of China's provinces, cities or districts. */
    private static String region(FieldDef field, JsonNode node, List<FieldError> errors) {
        String value = text(field, node, errors);
        if (value != null && Regions.find(value).isEmpty()) {
            errors.add(FieldError.of(field.apiName(), "unknown_region"));
            return null;
        }
        return value;
    }

    private static String url(FieldDef field, JsonNode node, List<FieldError> errors) {
        String value = text(field, node, errors);
        if (value == null) {
            return null;
        }
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(FieldError.of(field.apiName(), "invalid_format"));
        return null;
    }

    private static Long integer(String name, JsonNode node, List<FieldError> errors) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isString()) {
            try {
                return Long.parseLong(node.stringValue().strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        errors.add(FieldError.of(name, "invalid_type", "integer"));
        return null;
    }

    private static BigDecimal decimal(FieldDef field, JsonNode node, List<FieldError> errors) {
        BigDecimal value = null;
        try {
            if (node.isNumber()) {
                value = node.decimalValue();
            } else if (node.isString()) {
                value = new BigDecimal(node.stringValue().strip());
            }
        } catch (NumberFormatException e) {
            value = null;
        }
        if (value == null) {
            errors.add(FieldError.of(field.apiName(), "invalid_type", "decimal"));
            return null;
        }
        int scale = field.scale() == null ? 2 : field.scale();
        if (value.scale() > scale && value.setScale(scale, RoundingMode.DOWN).compareTo(value) != 0) {
            errors.add(FieldError.of(field.apiName(), "too_many_decimals", scale));
            return null;
        }
        if (value.abs().compareTo(BigDecimal.TEN.pow(20 - scale)) >= 0) {
            errors.add(FieldError.of(field.apiName(), "out_of_range", "-1e" + (20 - scale), "1e" + (20 - scale)));
            return null;
        }
        return value.setScale(scale, RoundingMode.UNNECESSARY);
    }

    private static Boolean bool(String name, JsonNode node, List<FieldError> errors) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        errors.add(FieldError.of(name, "invalid_type", "boolean"));
        return null;
    }

    private static LocalDate date(String name, JsonNode node, List<FieldError> errors) {
        try {
            if (node.isString()) {
                return LocalDate.parse(node.stringValue().strip());
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(FieldError.of(name, "invalid_date"));
        return null;
    }

    private static OffsetDateTime dateTime(String name, JsonNode node, List<FieldError> errors) {
        try {
            if (node.isString()) {
                return OffsetDateTime.parse(node.stringValue().strip());
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(FieldError.of(name, "invalid_datetime"));
        return null;
    }

    private static String picklist(FieldDef field, JsonNode node, List<FieldError> errors) {
        if (!node.isString()) {
            errors.add(FieldError.of(field.apiName(), "invalid_type", "string"));
            return null;
        }
        String value = picklistValueOf(field, node.stringValue().strip());
        if (value == null) {
            errors.add(FieldError.of(field.apiName(), "invalid_choice", node.stringValue()));
        }
        return value;
    }

    private static String[] multiPicklist(FieldDef field, JsonNode node, List<FieldError> errors) {
        if (!node.isArray()) {
            errors.add(FieldError.of(field.apiName(), "invalid_type", "array"));
            return null;
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode item : node.values()) {
            String value =
                    item.isString() ? picklistValueOf(field, item.stringValue().strip()) : null;
            if (value == null || value.length() > 100) {
                errors.add(FieldError.of(field.apiName(), "invalid_choice", item.asString("")));
                return null;
            }
            values.add(value);
        }
        return values.toArray(String[]::new);
    }

    /**
     * The stored value for what a client sent: a value of the list, or one of its labels in any
     * language ("官网表单" for {@code web_form}). A list without values (tags) takes any value.
     */
    public static String picklistValueOf(FieldDef field, String given) {
        if (given.isEmpty()) {
            return null;
        }
        if (field.values().isEmpty()) {
            return given;
        }
        for (PicklistValue value : field.values()) {
            if (value.value().equals(given) || value.label().containsValue(given)) {
                return value.value();
            }
        }
        return null;
    }

    private static UUID uuid(String name, JsonNode node, List<FieldError> errors) {
        try {
            if (node.isString()) {
                return UUID.fromString(node.stringValue().strip());
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(FieldError.of(name, "invalid_id"));
        return null;
    }
}
