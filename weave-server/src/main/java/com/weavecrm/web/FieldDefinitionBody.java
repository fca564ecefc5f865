package com.weavecrm.web;

import com.weavecrm.platform.metadata.FieldType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The API's field definition built from the field editor's inputs: the same JSON the {@code
 * /api/v1/objects/{object}/fields} calls take, with only the keys of the chosen type, so the page and
 * the API accept and refuse the same things.
 */
final class FieldDefinitionBody {

    private static final Set<String> LENGTH_TYPES = Set.of("text", "long_text", "phone", "email", "url");
    private static final Set<String> SCALE_TYPES = Set.of("decimal", "money", "percent", "rollup");
    private static final Set<String> PICKLIST_TYPES = Set.of("picklist", "multi_picklist");

    private FieldDefinitionBody() {}

    /** The body of "add a field": every input the chosen type takes. */
    static Body create(FieldForm form) {
        Body body = Body.create()
                .text("apiName", form.input("apiName"))
                .put("label", LabelInputs.of(form.input("labelZh"), form.input("labelEn")))
                .text("type", form.input("type"))
                .put("required", form.checked("required"))
                .put("unique", form.checked("unique"))
                .text("helpText", form.input("helpText"));
        typeSettings(form, body);
        String type = form.type();
        if (type.equals("lookup")) {
            body.text("target", form.input("target"));
        }
        if (type.equals("formula")) {
            body.text("expression", form.input("expression"));
        }
        if (type.equals("auto_number")) {
            body.text("pattern", form.input("pattern"));
        }
        if (type.equals("rollup")) {
            body.put("rollup", rollup(form));
        }
        if (!Body.blank(form.input("default"))
                && !FieldType.parse(type).map(FieldType::isComputed).orElse(false)) {
            body.put("default", defaultValue(type, form.input("default").strip()));
        }
        if (!form.rules().isEmpty()) {
            body.put(
                    "validations",
                    form.rules().stream().map(FieldDefinitionBody::rule).toList());
        }
        return body;
    }

    /** The body of "change a field": what an existing field may change (see FieldChanges). */
    static Body update(FieldForm form) {
        Body body = Body.create()
                .put("label", LabelInputs.of(form.input("labelZh"), form.input("labelEn")))
                .text("type", form.input("type"))
                .put("required", form.checked("required"))
                .put("unique", form.checked("unique"))
                .textOrNull("helpText", form.input("helpText"));
        typeSettings(form, body);
        return body;
    }

    private static void typeSettings(FieldForm form, Body body) {
        String type = form.type();
        if (LENGTH_TYPES.contains(type) && !Body.blank(form.input("maxLength"))) {
            body.put("maxLength", number(form.input("maxLength")));
        }
        if (SCALE_TYPES.contains(type) && !Body.blank(form.input("scale"))) {
            body.put("scale", number(form.input("scale")));
        }
        if (PICKLIST_TYPES.contains(type) && !form.values().isEmpty()) {
            body.put(
                    "values",
                    form.values().stream()
                            .map(FieldDefinitionBody::picklistValue)
                            .toList());
        }
    }

    /** The rollup: the "child.lookup" choice split into object and via, the function and the field summed. */
    private static Map<String, Object> rollup(FieldForm form) {
        Map<String, Object> rollup = new LinkedHashMap<>();
        String[] link = Objects.requireNonNullElse(form.input("rollupLink"), "").split("\\.", 2);
        rollup.put("object", link[0]);
        rollup.put("via", link.length > 1 ? link[1] : "");
        rollup.put("function", form.input("rollupFunction"));
        if (!Body.blank(form.input("rollupField"))) {
            rollup.put("field", form.input("rollupField"));
        }
        return rollup;
    }

    private static Map<String, Object> rule(Map<String, String> row) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("expression", row.get("expression"));
        rule.put("message", LabelInputs.of(row.get("zh"), row.get("en")));
        return rule;
    }

    private static Map<String, Object> picklistValue(Map<String, String> row) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("value", row.get("value"));
        Map<String, String> label = LabelInputs.of(row.get("zh"), row.get("en"));
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
}
