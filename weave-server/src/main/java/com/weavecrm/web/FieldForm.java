package com.weavecrm.web;

import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.PicklistValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The field editor's inputs: as posted, or read from an existing field. Picklist values
 * ({@code values[i].*}) and validation rules ({@code rules[i].*}) are repeated rows. {@link
 * FieldDefinitionBody} turns them into the API's JSON.
 */
public record FieldForm(Map<String, String> inputs, List<Map<String, String>> values, List<Map<String, String>> rules) {

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

    /** The value of one input, null when not given. */
    public String input(String name) {
        return inputs.get(name);
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
