package com.weavecrm.webform;

import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a submission into the intake's body: the form's fields as entered (required ones must be
 * there), the form's channel and campaign, the UTM tags and — when the form asks for consent — the
 * ticked box, which is then required. Every problem is listed in one 400; the intake adds its own
 * (a phone it cannot read, no way to reach the person).
 */
final class SubmissionCheck {

    private static final int MAX_UTM = 200;

    private SubmissionCheck() {}

    static JsonNode body(WebForm form, Submission submission) {
        List<FieldError> errors = new ArrayList<>();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (WebForm.FormField field : form.fields()) {
            String value = submission.values().get(field.field());
            if (value != null && !value.isBlank()) {
                body.put(field.field(), value.strip());
            } else if (field.required()) {
                errors.add(FieldError.of(field.field(), "required"));
            }
        }
        if (form.consentText() != null) {
            if (!submission.consent()) {
                errors.add(FieldError.of("consent", "required"));
            }
            body.put("consent", submission.consent());
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
        body.put("channel", form.channel());
        body.put("campaign", form.campaign());
        ObjectNode utm = body.putObject("utm");
        submission.utm().forEach((tag, value) -> {
            if (Submission.UTM_TAGS.contains(tag) && value != null && !value.isBlank()) {
                String text = value.strip();
                utm.put(tag, text.length() > MAX_UTM ? text.substring(0, MAX_UTM) : text);
            }
        });
        return body;
    }

    /**
     * An API body read for the form: its fields as text, {@code utm} (an object of text), {@code consent}
     * (true/false) and the honeypot. A filled honeypot wins over every other problem: the sender is told
     * nothing.
     */
    static Submission read(JsonNode body, WebForm form) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("body", "not_an_object");
        }
        JsonNode honeypot = body.path(Submission.HONEYPOT);
        String trap = honeypot.isString()
                ? honeypot.asString()
                : honeypot.isMissingNode() || honeypot.isNull() ? null : honeypot.toString();
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> utm = new LinkedHashMap<>();
        boolean consent = false;
        List<String> fields =
                form.fields().stream().map(WebForm.FormField::field).toList();
        for (var entry : body.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (key.equals(Submission.HONEYPOT)) {
                continue;
            } else if (key.equals("utm")) {
                readUtm(value, utm, errors);
            } else if (key.equals("consent")) {
                if (!value.isBoolean() && !value.isNull()) {
                    errors.add(FieldError.of("consent", "invalid_type", "boolean"));
                }
                consent = value.asBoolean(false);
            } else if (!fields.contains(key)) {
                errors.add(FieldError.of(key, "unknown_field"));
            } else if (!value.isNull() && !value.isString()) {
                errors.add(FieldError.of(key, "invalid_type", "string"));
            } else if (value.isString()) {
                values.put(key, value.asString());
            }
        }
        Submission submission = new Submission(values, utm, consent, trap);
        if (!errors.isEmpty() && !submission.caughtByHoneypot()) {
            throw ApiException.badRequest(errors);
        }
        return submission;
    }

    private static void readUtm(JsonNode value, Map<String, String> utm, List<FieldError> errors) {
        if (value.isNull()) {
            return;
        }
        if (!value.isObject()) {
            errors.add(FieldError.of("utm", "invalid_type", "object"));
            return;
        }
        for (var tag : value.properties()) {
            if (!Submission.UTM_TAGS.contains(tag.getKey())) {
                errors.add(FieldError.of("utm." + tag.getKey(), "unknown_field"));
            } else if (!tag.getValue().isString() || tag.getValue().asString().length() > MAX_UTM) {
                errors.add(FieldError.of("utm." + tag.getKey(), "invalid_type", "string"));
            } else {
                utm.put(tag.getKey(), tag.getValue().asString());
            }
        }
    }
}
