package com.weavecrm.lead;

import com.weavecrm.dedupe.PhoneNumbers;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * An intake body read and checked: the lead's fields (text), the UTM tags and the consent flag. It
 * needs a way to reach the person — a phone, an e-mail or a WeChat id — and whatever contact data it
 * has must be readable; otherwise 400 lists every problem. {@code hints} are values assignment rules
 * decide on that the lead itself does not keep: region, industry, storeId, language (text) and amount
 * (the deal size, a number). The tenant's custom lead fields that {@link IntakeFields#custom} names are
 * taken as text, like the standard ones.
 */
record IntakeRequest(Map<String, String> fields, Map<String, String> utm, Boolean consent, Map<String, Object> hints) {

    static final List<String> FIELDS = List.of("name", "company", "phone", "email", "wechatId", "channel", "campaign");
    static final List<String> HINTS = List.of("region", "industry", "storeId", "language", "amount");
    static final List<String> CONTACT = IntakeFields.CONTACT;
    private static final Set<String> UTM_KEYS = Set.of("source", "medium", "campaign", "term", "content");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final int MAX_LENGTH = 200;
    /** A custom field may be a message of a few paragraphs; the field's own length applies when written. */
    private static final int MAX_CUSTOM_LENGTH = 2_000;

    static IntakeRequest read(JsonNode body, Set<String> customFields) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("body", "invalid_type");
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> utm = new LinkedHashMap<>();
        Boolean consent = null;
        Map<String, Object> hints = new LinkedHashMap<>();
        for (var entry : body.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (key.equals("utm")) {
                readUtm(value, utm, errors);
            } else if (key.equals("consent")) {
                if (!value.isNull() && !value.isBoolean()) {
                    errors.add(FieldError.of("consent", "invalid_type"));
                } else {
                    consent = value.isNull() ? null : value.asBoolean();
                }
            } else if (HINTS.contains(key)) {
                readHint(key, value, hints, errors);
            } else if (!FIELDS.contains(key) && !customFields.contains(key)) {
                errors.add(FieldError.of(key, "unknown_field"));
            } else if (!value.isNull() && !value.isString()) {
                errors.add(FieldError.of(key, "invalid_type"));
            } else if (!value.isNull() && !value.asString().isBlank()) {
                String text = value.asString().strip();
                int max = FIELDS.contains(key) ? MAX_LENGTH : MAX_CUSTOM_LENGTH;
                if (text.length() > max) {
                    errors.add(FieldError.of(key, "too_long", max));
                }
                fields.put(key, text);
            }
        }
        checkContact(fields, errors);
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
        return new IntakeRequest(fields, utm, consent, hints);
    }

    private static void readHint(String key, JsonNode value, Map<String, Object> hints, List<FieldError> errors) {
        if (value.isNull()) {
            return;
        }
        if (key.equals("amount")) {
            if (value.isNumber()) {
                hints.put(key, value.decimalValue());
            } else {
                errors.add(FieldError.of(key, "invalid_type", "number"));
            }
        } else if (!value.isString()) {
            errors.add(FieldError.of(key, "invalid_type", "string"));
        } else if (value.asString().length() > MAX_LENGTH) {
            errors.add(FieldError.of(key, "too_long", MAX_LENGTH));
        } else if (!value.asString().isBlank()) {
            hints.put(key, value.asString().strip());
        }
    }

    private static void checkContact(Map<String, String> fields, List<FieldError> errors) {
        if (CONTACT.stream().noneMatch(fields::containsKey)) {
            CONTACT.forEach(f -> errors.add(FieldError.of(f, "one_of_required", String.join(", ", CONTACT))));
            return;
        }
        if (fields.containsKey("phone") && !PhoneNumbers.readable(fields.get("phone"))) {
            errors.add(FieldError.of("phone", "invalid_phone"));
        }
        if (fields.containsKey("email") && !EMAIL.matcher(fields.get("email")).matches()) {
            errors.add(FieldError.of("email", "invalid_format"));
        }
    }

    private static void readUtm(JsonNode value, Map<String, String> utm, List<FieldError> errors) {
        if (value.isNull()) {
            return;
        }
        if (!value.isObject()) {
            errors.add(FieldError.of("utm", "invalid_type"));
            return;
        }
        for (var tag : value.properties()) {
            if (!UTM_KEYS.contains(tag.getKey())) {
                errors.add(FieldError.of("utm." + tag.getKey(), "unknown_field"));
            } else if (!tag.getValue().isString() || tag.getValue().asString().length() > MAX_LENGTH) {
                errors.add(FieldError.of("utm." + tag.getKey(), "invalid_type"));
            } else {
                utm.put(tag.getKey(), tag.getValue().asString());
            }
        }
    }
}
