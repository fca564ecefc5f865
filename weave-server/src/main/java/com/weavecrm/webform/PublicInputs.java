package com.weavecrm.webform;

import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.web.RequestLocales;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A form's inputs from the lead's field definitions, labelled in the visitor's language. */
final class PublicInputs {

    private static final Map<String, String> AUTOFILL =
            Map.of("name", "name", "company", "organization", "phone", "tel", "email", "email");

    private PublicInputs() {}

    /** The form's fields that the lead still has (a custom field deleted since is left out). */
    static List<PublicForm.Input> of(WebForm form, ObjectDef lead, Locale locale) {
        String tag = RequestLocales.toTag(locale);
        List<PublicForm.Input> inputs = new ArrayList<>();
        for (WebForm.FormField field : form.fields()) {
            lead.field(field.field()).ifPresent(def -> inputs.add(input(def, field.required(), tag)));
        }
        return inputs;
    }

    private static PublicForm.Input input(FieldDef def, boolean required, String tag) {
        List<PublicForm.Choice> choices = def.values().stream()
                .map(v -> new PublicForm.Choice(
                        v.value(), v.label().getOrDefault(tag, v.label().getOrDefault("zh-CN", v.value()))))
                .toList();
        String type = switch (def.type()) {
            case PHONE -> "tel";
            case EMAIL -> "email";
            case URL -> "url";
            case INTEGER, DECIMAL, MONEY, PERCENT -> "number";
            case DATE -> "date";
            case LONG_TEXT -> "textarea";
            case PICKLIST -> "select";
            default -> "text";
        };
        Integer maxLength = def.type().isTextual() ? maxLength(def) : null;
        return new PublicForm.Input(
                def.apiName(),
                def.labelIn(tag),
                type,
                required,
                choices,
                maxLength,
                AUTOFILL.getOrDefault(def.apiName(), "off"));
    }

    private static int maxLength(FieldDef def) {
        int limit = def.standard() ? 200 : 2_000;
        return def.maxLength() == null ? limit : Math.min(limit, def.maxLength());
    }
}
