package com.weavecrm.web;

import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.FieldType;
import com.weavecrm.platform.metadata.PicklistValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The field editor's inputs, and the API's field definition built from them: the same JSON the
 * {@code /api/v1/objects/{object}/fields} calls take, with only the keys of the chosen type.
 * Picklist values ({@code values[i].*}) and validation rules ({@code rules[i].*}) are repeated rows.
 */
public record FieldForm(Map<String, String> inputs, List<Map<String, String>> values, List<Map<String, String>> rules) {

    static final Set<String> LENGTH_TYPES = Set.of("text", "long_text", "phone", "email", "url");
    static final Set<String> SCALE_TYPES = Set.of("decimal", "money", "percent", "rollup");
    static final Set<String> PICKLIST_TYPES = Set.of("picklist", "multi_picklist");
    static final String DEFAULT_COLOR = "#6c757d";

    static FieldForm blank() {
        return new FieldForm(new HashMap<>(Map.of("type", "text")), List.of(), List.of());
    }

    /** The inputs as posted: picklist values in the order their "order" inputs give. */
    static FieldForm posted(Map<String, String> params) {
        List<Map<String, String>> values = new ArrayList<>(FormRows.of(params, "values", List.of("value", "zh", "en")));
        values.sort(Comparator.comparing(row -> order(row.get("order"))));
        return new FieldForm(
                new HashMap<>(params), values, FormRows.of(params, "rules", List.of("expression", "zh", "en")));
    }

    /** The inputs of an existing field. */
    static FieldForm of(FieldDef field) {
        Map<String, String> inputs = new HashMap<>();
        inputs.put("apiName", field.apiName());
        inputs.put("labelZh", field.label().get("zh-CN"));
        inputs.put("labelEn", field.label().get("en"));
        inputs.put("type", field.type().apiName());
        inputs.put("required", Boolean.toString(field.required()));
        inputs.put("unique", Boolean.toString(field.unique()));
        inputs.put("maxLength", text(field.maxLength()));
        inputs.put("scale", text(field.scale()));
        inputs.put("target", field.target());
        inputs.put("expression", field.expression());
        inputs.put("pattern", field.pattern());
        inputs.put("helpText", field.helpText());
        inputs.put("default", text(field.defaultValue()));
        if (field.rollup() != null) {
            inputs.put(
                    "rollupLink", field.rollup().object() + "." + field.rollup().via());
            inputs.put("rollupFunction", field.rollup().function());
            inputs.put("rollupField", field.rollup().field());
        }
        List<Map<String, String>> values = new ArrayList<>();
        for (PicklistValue v : field.values()) {
            values.add(row(
                    "value", v.value(),
                    "zh", v.label().get("zh-CN"),
                    "en", v.label().get("en"),
                    "color", Objects.requireNonNullElse(v.color(), DEFAULT_COLOR),
                    "order", Integer.toString(values.size() + 1)));
        }
        List<Map<String, String>> rules = field.validations().stream()
                .map(r -> row(
                        "expression",
                        r.expression(),
                        "zh",
                        r.message().get("zh-CN"),
                        "en",
                        r.message().get("en")))
                .toList();
        return new FieldForm(inputs, values, rules);
    }

    public String type() {
        return Objects.requireNonNullElse(inputs.get("type"), "");
    }

    /** Whether the chosen type is one of {@code types} (space-separated), for showing its inputs. */
    public boolean typeIn(String types) {
        return Set.of(types.split(" ")).contains(type());
    }

    /** The error keys this form shows next to an input, for the problem summary to leave out. */
    public String shownErrors() {
        List<String> keys = new ArrayList<>(List.of(
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
                "default",
                "validations",
                "rollup",
                "rollup.object",
                "rollup.via",
                "rollup.function",
                "rollup.field"));
        for (int i = 0; i < values.size(); i++) {
            keys.addAll(List.of("values[" + i + "].value", "values[" + i + "].label", "values[" + i + "].color"));
        }
        for (int i = 0; i < rules.size(); i++) {
            keys.addAll(List.of("validations[" + i + "].expression", "validations[" + i + "].message"));
        }
        return String.join(",", keys);
    }

    public boolean checked(String input) {
        return "true".equals(inputs.get(input)) || "on".equals(inputs.get(input));
    }

    /** The body of "add a field": every input the chosen type takes. */
    Body createBody() {
        Body body = Body.create()
                .text("apiName", inputs.get("apiName"))
                .put("label", ObjectPages.label(inputs.get("labelZh"), inputs.get("labelEn")))
                .text("type", inputs.get("type"))
                .put("required", checked("required"))
                .put("unique", checked("unique"))
                .text("helpText", inputs.get("helpText"));
        typeSettings(body);
        String type = type();
        if (type.equals("lookup")) {
            body.text("target", inputs.get("target"));
        }
        if (type.equals("formula")) {
            body.text("expression", inputs.get("expression"));
        }
        if (type.equals("auto_number")) {
            body.text("pattern", inputs.get("pattern"));
        }
        if (type.equals("rollup")) {
            Map<String, Object> rollup = new LinkedHashMap<>();
            String[] link =
                    Objects.requireNonNullElse(inputs.get("rollupLink"), "").split("\\.", 2);
            rollup.put("object", link[0]);
            rollup.put("via", link.length > 1 ? link[1] : "");
            rollup.put("function", inputs.get("rollupFunction"));
            if (!Body.blank(inputs.get("rollupField"))) {
                rollup.put("field", inputs.get("rollupField"));
            }
            body.put("rollup", rollup);
        }
        if (!Body.blank(inputs.get("default"))
                && !FieldType.parse(type).map(FieldType::isComputed).orElse(false)) {
            body.put("default", defaultValue(type, inputs.get("default").strip()));
        }
        if (!rules.isEmpty()) {
            body.put("validations", rules.stream().map(r -> rule(r)).toList());
        }
        return body;
    }

    /** The body of "change a field": what an existing field may change (see FieldChanges). */
    Body updateBody() {
        Body body = Body.create()
                .put("label", ObjectPages.label(inputs.get("labelZh"), inputs.get("labelEn")))
                .text("type", inputs.get("type"))
                .put("required", checked("required"))
                .put("unique", checked("unique"))
                .textOrNull("helpText", inputs.get("helpText"));
        typeSettings(body);
        return body;
    }

    private void typeSettings(Body body) {
        String type = type();
        if (LENGTH_TYPES.contains(type) && !Body.blank(inputs.get("maxLength"))) {
            body.put("maxLength", number(inputs.get("maxLength")));
        }
        if (SCALE_TYPES.contains(type) && !Body.blank(inputs.get("scale"))) {
            body.put("scale", number(inputs.get("scale")));
        }
        if (PICKLIST_TYPES.contains(type) && !values.isEmpty()) {
            body.put("values", values.stream().map(FieldForm::picklistValue).toList());
        }
    }

    private static Map<String, Object> rule(Map<String, String> row) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("expression", row.get("expression"));
        rule.put("message", ObjectPages.label(row.get("zh"), row.get("en")));
        return rule;
    }

    private static Map<String, Object> picklistValue(Map<String, String> row) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("value", row.get("value"));
        Map<String, String> label = ObjectPages.label(row.get("zh"), row.get("en"));
        if (label != null) {
            value.put("label", label);
        }
        if (!Body.blank(row.get("color"))) {
            value.put("color", row.get("color"));
        }
        return value;
    }

    /** A number when the input is one; otherwise the text, which the service refuses naming the field. */
    private static Object number(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            // not a whole number: a decimal, or text
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static Object defaultValue(String type, String text) {
        return switch (type) {
            case "integer", "decimal", "money", "percent" -> number(text);
            case "boolean" ->
                text.equalsIgnoreCase("true") ? Boolean.TRUE : text.equalsIgnoreCase("false") ? Boolean.FALSE : text;
            case "multi_picklist" ->
                Arrays.stream(text.split(",")).map(String::strip).toList();
            default -> text;
        };
    }

    private static int order(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException | NullPointerException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String text(Object value) {
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return value == null ? "" : value.toString();
    }

    private static Map<String, String> row(String... pairs) {
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put(pairs[i], Objects.requireNonNullElse(pairs[i + 1], ""));
        }
        return row;
    }
}
