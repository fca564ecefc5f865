package com.weavecrm.web;

import com.weavecrm.platform.metadata.ObjectViews.FieldView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Conditions made with clicks — field, operator, value — turned into the records API's filter (CEL),
 * all joined with {@code &&}. Values are written as CEL literals (strings quoted and escaped, numbers
 * checked), so nothing typed into a value box changes the expression's shape.
 */
final class FilterBuilder {

    /** The operators offered, in the order of the menu. */
    static final List<String> OPERATORS =
            List.of("eq", "ne", "contains", "startsWith", "gt", "ge", "lt", "le", "empty", "notEmpty");

    private static final List<String> TEXT_TYPES =
            List.of("text", "long_text", "phone", "email", "url", "region", "formula", "auto_number");
    private static final List<String> ORDERED_TYPES =
            List.of("integer", "decimal", "money", "percent", "rollup", "date", "datetime");

    /** One row of the builder, as entered. */
    record Condition(String field, String operator, String value) {

        boolean isBlank() {
            return field == null || field.isBlank();
        }
    }

    /** The filter built, or the message key (and argument) of the first row that makes no sense. */
    record Built(String filter, String problem, String problemField) {

        boolean ok() {
            return problem == null;
        }
    }

    private FilterBuilder() {}

    /**
     * @param nameFields the field that names a record of each lookup target (to filter by a name)
     */
    static Built build(
            List<Condition> rows, Map<String, FieldView> fields, Map<String, String> nameFields, ZoneId zone) {
        List<String> parts = new ArrayList<>();
        for (Condition row : rows) {
            if (row.isBlank()) {
                continue;
            }
            FieldView field = fields.get(row.field());
            if (field == null) {
                return new Built(null, "ui.records.filter.unknownField", row.field());
            }
            Optional<String> part = part(
                    field,
                    row.operator(),
                    row.value() == null ? "" : row.value().strip(),
                    nameFields,
                    zone);
            if (part.isEmpty()) {
                return new Built(null, "ui.records.filter.badRow", field.label());
            }
            parts.add(part.get());
        }
        return new Built(parts.isEmpty() ? null : String.join(" && ", parts), null, null);
    }

    /** Two filters that must both hold (either may be absent); each keeps its own precedence. */
    static String and(String first, String second) {
        boolean hasFirst = first != null && !first.isBlank();
        boolean hasSecond = second != null && !second.isBlank();
        if (hasFirst && hasSecond) {
            return "(" + first.strip() + ") && (" + second.strip() + ")";
        }
        return hasFirst ? first.strip() : hasSecond ? second.strip() : null;
    }

    private static Optional<String> part(
            FieldView field, String operator, String value, Map<String, String> nameFields, ZoneId zone) {
        String name = field.apiName();
        String type = field.type();
        if ("empty".equals(operator) || "notEmpty".equals(operator)) {
            return Optional.of(("empty".equals(operator) ? "!has(" : "has(") + name + ")");
        }
        if (value.isEmpty() || "multi_picklist".equals(type)) {
            return Optional.empty();
        }
        if ("lookup".equals(type) || "user".equals(type)) {
            String target = "user".equals(type) ? "displayName" : nameFields.get(name);
            return target == null ? Optional.empty() : textual(name + "." + target, operator, value);
        }
        if (TEXT_TYPES.contains(type)) {
            return textual(name, operator, value);
        }
        if ("picklist".equals(type)) {
            String stored = field.values().stream()
                    .filter(v -> v.value().equals(value) || v.label().equals(value))
                    .map(v -> v.value())
                    .findFirst()
                    .orElse(null);
            return stored == null || !("eq".equals(operator) || "ne".equals(operator))
                    ? Optional.empty()
                    : Optional.of(name + symbol(operator) + quote(stored));
        }
        if ("boolean".equals(type)) {
            boolean yes = List.of("true", "yes", "是", "1").contains(value.toLowerCase());
            boolean no = List.of("false", "no", "否", "0").contains(value.toLowerCase());
            return (yes || no) && ("eq".equals(operator) || "ne".equals(operator))
                    ? Optional.of(name + symbol(operator) + yes)
                    : Optional.empty();
        }
        if (ORDERED_TYPES.contains(type) && symbol(operator) != null) {
            return literal(type, value, zone).map(literal -> name + symbol(operator) + literal);
        }
        return Optional.empty();
    }

    private static Optional<String> textual(String path, String operator, String value) {
        return switch (operator) {
            case "contains" -> Optional.of(path + ".contains(" + quote(value) + ")");
            case "startsWith" -> Optional.of(path + ".startsWith(" + quote(value) + ")");
            case "eq", "ne" -> Optional.of(path + symbol(operator) + quote(value));
            default -> Optional.empty();
        };
    }

    private static Optional<String> literal(String type, String value, ZoneId zone) {
        try {
            return switch (type) {
                case "date" -> Optional.of(quote(LocalDate.parse(value).toString()));
                case "datetime" ->
                    Optional.of(quote(LocalDate.parse(value)
                            .atStartOfDay(zone)
                            .toOffsetDateTime()
                            .toString()));
                case "integer" -> Optional.of(Long.toString(Long.parseLong(value)));
                default -> Optional.of(new BigDecimal(value).toPlainString());
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String symbol(String operator) {
        return switch (operator) {
            case "eq" -> " == ";
            case "ne" -> " != ";
            case "gt" -> " > ";
            case "ge" -> " >= ";
            case "lt" -> " < ";
            case "le" -> " <= ";
            default -> null;
        };
    }

    /** A CEL string literal: backslashes and quotes escaped, control characters dropped. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '"') {
                quoted.append('\\').append(c);
            } else if (c >= ' ') {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
