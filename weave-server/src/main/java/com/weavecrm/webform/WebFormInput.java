package com.weavecrm.webform;

import com.weavecrm.lead.IntakeFields;
import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.web.JsonInput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A web form as sent to the API, checked: the fields must be lead fields intake takes, listed once,
 * with at least one way to reach the person (phone, e-mail or WeChat id); the channel a value of the
 * lead's channel picklist. On an update, what is not sent stays as it was.
 */
record WebFormInput(
        String name,
        List<WebForm.FormField> fields,
        String channel,
        String campaign,
        String consentText,
        String thankYou,
        boolean active) {

    static final String DEFAULT_CHANNEL = "web_form";
    static final int MAX_FIELDS = 30;
    private static final Set<String> ITEM_KEYS = Set.of("field", "required");
    private static final Set<String> KEYS =
            Set.of("name", "fields", "channel", "campaign", "consentText", "thankYou", "active");

    /** The lead fields a form may show, in order: the standard ones, then the custom ones. */
    static List<String> choices(ObjectDef lead) {
        List<String> choices = new ArrayList<>(IntakeFields.STANDARD);
        IntakeFields.custom(lead).stream().map(FieldDef::apiName).forEach(choices::add);
        return choices;
    }

    static WebFormInput read(JsonNode body, ObjectDef lead, WebForm current) {
        JsonInput in = JsonInput.of(body, KEYS);
        String name = current == null || in.has("name") ? in.requiredText("name", 100) : current.name();
        List<WebForm.FormField> fields = current == null || in.has("fields") ? fields(in, lead) : current.fields();
        String channel = current == null || in.has("channel") ? channel(in, lead) : current.channel();
        String campaign = text(in, "campaign", 100, current == null ? null : current.campaign());
        String consent = text(in, "consentText", 500, current == null ? null : current.consentText());
        String thanks = text(in, "thankYou", 500, current == null ? null : current.thankYou());
        boolean active = in.optionalBoolean("active").orElse(current == null || current.active());
        in.finish();
        return new WebFormInput(name, fields, channel, campaign, consent, thanks, active);
    }

    private static String text(JsonInput in, String field, int max, String current) {
        return in.has(field) ? in.optionalText(field, max).orElse(null) : current;
    }

    private static String channel(JsonInput in, ObjectDef lead) {
        FieldDef picklist = lead.field("channel").orElseThrow();
        Optional<String> channel = in.optionalText("channel", 64);
        if (channel.isPresent() && !picklist.allowsValue(channel.get())) {
            in.error("channel", "invalid_choice", channel.get());
            return null;
        }
        return channel.orElse(picklist.allowsValue(DEFAULT_CHANNEL) ? DEFAULT_CHANNEL : null);
    }

    private static List<WebForm.FormField> fields(JsonInput in, ObjectDef lead) {
        Optional<JsonNode> node = in.node("fields");
        if (node.isEmpty() || (node.get().isArray() && node.get().isEmpty())) {
            in.error("fields", "required");
            return List.of();
        }
        if (!node.get().isArray()) {
            in.error("fields", "invalid_type", "array");
            return List.of();
        }
        if (node.get().size() > MAX_FIELDS) {
            in.error("fields", "too_many", MAX_FIELDS);
            return List.of();
        }
        List<String> choices = choices(lead);
        List<WebForm.FormField> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean wrong = false;
        for (JsonNode item : node.get().values()) {
            JsonNode field = item.path("field");
            JsonNode required = item.path("required");
            if (!item.isObject()
                    || !ITEM_KEYS.containsAll(item.propertyNames())
                    || !field.isString()
                    || !(required.isMissingNode() || required.isBoolean())) {
                in.error("fields", "invalid_item");
                return List.of();
            }
            if (!choices.contains(field.asString())) {
                in.error("fields", "unknown_lead_field", field.asString());
                wrong = true;
            } else if (!seen.add(field.asString())) {
                in.error("fields", "duplicate_item", field.asString());
                wrong = true;
            } else {
                fields.add(new WebForm.FormField(field.asString(), required.asBoolean(false)));
            }
        }
        if (!wrong && IntakeFields.CONTACT.stream().noneMatch(seen::contains)) {
            in.error("fields", "contact_field_needed", String.join(", ", IntakeFields.CONTACT));
        }
        return fields;
    }
}
