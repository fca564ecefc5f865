package com.weavecrm.platform.metadata;

import com.weavecrm.platform.web.FieldError;
import com.weavecrm.platform.web.JsonInput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads a field definition from the API's JSON and validates it against the object and the catalog
 * (the validate step of validate → plan → apply). Every problem is reported at once.
 */
final class FieldDefinitions {

    static final Pattern API_NAME = Pattern.compile("[a-z][a-z0-9_]{1,40}");
    static final Set<String> KEYS = Set.of(
            "apiName",
            "label",
            "type",
            "required",
            "unique",
            "maxLength",
            "scale",
            "values",
            "target",
            "expression",
            "pattern",
            "helpText",
            "validations",
            "rollup",
            "sortOrder",
            "externalId",
            "default");
    private static final Pattern AUTO_NUMBER = Pattern.compile(".{0,20}\\{0+}.{0,20}");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}|[a-z]{3,12}");
    private static final int MAX_TEXT = 10_000;
    private static final int MAX_LONG_TEXT = 1_000_000;

    private FieldDefinitions() {}

    /** A new custom field of {@code object}; problems go to {@code in}. */
    static FieldDef read(JsonInput in, ObjectDef object, ObjectCatalog catalog, RecordExpressions expressions) {
        String apiName = in.requiredMatching("apiName", 41, API_NAME);
        if (apiName != null && SystemFields.isReserved(apiName)) {
            in.error("apiName", "reserved");
        }
        Map<String, String> label = Labels.read(in, "label", true);
        Optional<FieldType> type = in.optionalText("type", 20).flatMap(FieldType::parse);
        if (type.isEmpty()) {
            in.error("type", in.has("type") ? "invalid_type_name" : "required");
            return null;
        }
        FieldType t = type.get();
        boolean required = in.optionalBoolean("required").orElse(false);
        boolean externalId = in.optionalBoolean("externalId").orElse(false);
        if (externalId && !EXTERNAL_ID_TYPES.contains(t)) {
            in.error("externalId", "not_supported_for_type");
        }
        boolean unique = in.optionalBoolean("unique").orElse(false) || externalId;
        if (unique
                && (t == FieldType.LONG_TEXT
                        || t == FieldType.MULTI_PICKLIST
                        || t == FieldType.BOOLEAN
                        || t.isComputed())) {
            in.error("unique", "not_supported_for_type");
        }
        Integer maxLength = maxLength(in, t);
        Integer scale = scale(in, t);
        List<PicklistValue> values = values(in, t);
        String target = target(in, t, catalog);
        String expression = t == FieldType.FORMULA ? in.requiredText("expression", 2_000) : null;
        String pattern = t == FieldType.AUTO_NUMBER ? in.requiredMatching("pattern", 60, AUTO_NUMBER) : null;
        String helpText = in.optionalText("helpText", 500).orElse(null);
        int sortOrder =
                in.optionalInt("sortOrder", 0, 100_000).orElse(object.fields().size() * 10 + 1000);
        if (apiName == null || label == null) {
            return null;
        }
        FieldDef field = new FieldDef(
                UUID.randomUUID(),
                apiName,
                SystemFields.snake(apiName),
                t,
                label,
                required,
                unique,
                t.isComputed(),
                false,
                maxLength,
                scale,
                values,
                target,
                expression,
                pattern,
                helpText,
                sortOrder,
                null,
                List.of(),
                t == FieldType.ROLLUP ? rollup(in, object, catalog) : null,
                externalId);
        return withRules(in, object, field, expressions);
    }

    /**
     * The field with the default value and validation rules of {@code in}, both checked: the default
     * must be a valid value of the field, each rule a true-or-false expression over the object's fields
     * (this one included), and a formula's expression must compile.
     */
    static FieldDef withRules(JsonInput in, ObjectDef object, FieldDef field, RecordExpressions expressions) {
        List<FieldDef> fields = new ArrayList<>(object.fields().stream()
                .filter(f -> !f.apiName().equals(field.apiName()))
                .toList());
        fields.add(field);
        ObjectDef withField = new ObjectDef(
                object.id(),
                object.apiName(),
                object.table(),
                object.label(),
                object.labelPlural(),
                object.standard(),
                object.nameField(),
                List.copyOf(fields),
                object.version());
        if (field.expression() != null) {
            expressions
                    .check(field.expression(), withField, false)
                    .ifPresent(problem -> in.error("expression", "invalid_expression", problem));
        }
        Object defaultValue = field.defaultValue();
        if (in.has("default")) {
            List<FieldError> errors = new ArrayList<>();
            Object value = in.node("default")
                    .map(node -> FieldValues.read(field, node, errors))
                    .orElse(null);
            errors.forEach(e -> in.error("default", e.code(), e.args().toArray()));
            defaultValue = errors.isEmpty() ? FieldValues.write(field, value) : null;
        }
        List<FieldDef.ValidationRule> rules = field.validations();
        if (in.has("validations")) {
            rules = new ArrayList<>();
            JsonNode list = in.node("validations").orElse(null);
            int index = 0;
            for (JsonNode rule : list == null || !list.isArray() ? List.<JsonNode>of() : List.copyOf(list.values())) {
                String at = "validations[" + index++ + "]";
                String expression = rule.path("expression").asString("");
                Map<String, String> message = rule.has("message") ? Labels.parse(rule.get("message")) : null;
                expressions
                        .check(expression, withField, true)
                        .ifPresent(problem -> in.error(at + ".expression", "invalid_expression", problem));
                if (message == null) {
                    in.error(at + ".message", "invalid_label");
                }
                rules.add(new FieldDef.ValidationRule(expression, message));
            }
            if (list != null && (!list.isArray() || list.size() > 20)) {
                in.error("validations", "invalid_values");
            }
        }
        return new FieldDef(
                field.id(),
                field.apiName(),
                field.column(),
                field.type(),
                field.label(),
                field.required(),
                field.unique(),
                field.readOnly(),
                field.standard(),
                field.maxLength(),
                field.scale(),
                field.values(),
                field.target(),
                field.expression(),
                field.pattern(),
                field.helpText(),
                field.sortOrder(),
                defaultValue,
                List.copyOf(rules),
                field.rollup(),
                field.externalId());
    }

    /** Types whose values can be another system's key: text that is compared exactly. */
    private static final java.util.Set<FieldType> EXTERNAL_ID_TYPES =
            java.util.EnumSet.of(FieldType.TEXT, FieldType.PHONE, FieldType.EMAIL);

    private static final java.util.Set<String> ROLLUP_FUNCTIONS = java.util.Set.of("count", "sum", "min", "max");

    /** A rollup: a function over a numeric field of the records whose lookup points at this object. */
    private static FieldDef.Rollup rollup(JsonInput in, ObjectDef object, ObjectCatalog catalog) {
        JsonNode node = in.node("rollup").orElse(null);
        if (node == null || !node.isObject()) {
            in.error("rollup", "required");
            return null;
        }
        String function = node.path("function").asString("");
        ObjectDef source = catalog.find(node.path("object").asString("")).orElse(null);
        if (!ROLLUP_FUNCTIONS.contains(function)) {
            in.error("rollup.function", "invalid_value");
        }
        if (source == null) {
            in.error("rollup.object", "unknown_object");
            return null;
        }
        String via = node.path("via").asString("");
        if (source.field(via)
                .filter(f -> f.type() == FieldType.LOOKUP && object.apiName().equals(f.target()))
                .isEmpty()) {
            in.error("rollup.via", "not_a_lookup_here");
        }
        String field = node.path("field").asString(null);
        if (!"count".equals(function)
                && (field == null
                        || source.field(field).filter(f -> f.type().isNumeric()).isEmpty())) {
            in.error("rollup.field", "not_numeric");
        }
        return new FieldDef.Rollup(source.apiName(), via, function, "count".equals(function) ? null : field);
    }

    static Integer maxLength(JsonInput in, FieldType type) {
        return switch (type) {
            case TEXT, PHONE, EMAIL, URL ->
                in.optionalInt("maxLength", 1, MAX_TEXT).orElse(FieldDef.DEFAULT_TEXT_LENGTH);
            case LONG_TEXT -> in.optionalInt("maxLength", 1, MAX_LONG_TEXT).orElse(100_000);
            default -> {
                if (in.has("maxLength")) {
                    in.error("maxLength", "not_supported_for_type");
                }
                yield null;
            }
        };
    }

    static Integer scale(JsonInput in, FieldType type) {
        return switch (type) {
            case DECIMAL, MONEY, PERCENT, ROLLUP ->
                in.optionalInt("scale", 0, 6).orElse(2);
            default -> {
                if (in.has("scale")) {
                    in.error("scale", "not_supported_for_type");
                }
                yield null;
            }
        };
    }

    static List<PicklistValue> values(JsonInput in, FieldType type) {
        if (type != FieldType.PICKLIST && type != FieldType.MULTI_PICKLIST) {
            if (in.has("values")) {
                in.error("values", "not_supported_for_type");
            }
            return List.of();
        }
        Optional<JsonNode> node = in.node("values");
        if (node.isEmpty()) {
            if (type == FieldType.PICKLIST) {
                in.error("values", "required");
            }
            return List.of();
        }
        if (!node.get().isArray() || node.get().size() > 500) {
            in.error("values", "invalid_values");
            return List.of();
        }
        if (node.get().isEmpty() && type == FieldType.PICKLIST) {
            in.error("values", "required");
            return List.of();
        }
        List<PicklistValue> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int index = 0;
        for (JsonNode item : node.get().values()) {
            String at = "values[" + index++ + "]";
            JsonNode value = item.isString() ? item : item.get("value");
            String text =
                    value != null && value.isString() ? value.stringValue().strip() : "";
            if (text.isEmpty() || text.length() > 100) {
                in.error(at + ".value", "required");
                continue;
            }
            if (!seen.add(text)) {
                in.error(at + ".value", "duplicate");
                continue;
            }
            Map<String, String> label = item.isObject() && item.has("label") ? Labels.parse(item.get("label")) : null;
            if (item.isObject() && item.has("label") && label == null) {
                in.error(at + ".label", "invalid_label");
            }
            String color =
                    item.isObject() && item.has("color") ? item.get("color").asString("") : null;
            if (color != null && !COLOR.matcher(color).matches()) {
                in.error(at + ".color", "invalid_format");
            }
            values.add(new PicklistValue(text, label != null ? label : Map.of("zh-CN", text, "en", text), color));
        }
        return List.copyOf(values);
    }

    private static String target(JsonInput in, FieldType type, ObjectCatalog catalog) {
        if (type != FieldType.LOOKUP) {
            if (in.has("target")) {
                in.error("target", "not_supported_for_type");
            }
            return null;
        }
        String target = in.requiredText("target", 41);
        if (target != null && catalog.find(target).isEmpty()) {
            in.error("target", "unknown_object");
            return null;
        }
        return target;
    }
}
