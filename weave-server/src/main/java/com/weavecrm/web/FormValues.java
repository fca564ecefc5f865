package com.weavecrm.web;

import com.weavecrm.platform.metadata.ObjectViews.FieldView;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * Between a record's values and the inputs of its form: the JSON body a write takes from the posted
 * inputs (by field type), and each value as its input shows it.
 */
final class FormValues {

    private FormValues() {}

    /** The body of a create: every writable field that was given. */
    static Body forCreate(Collection<FieldView> fields, MultiValueMap<String, String> params, ZoneId zone) {
        Body body = Body.create();
        for (FieldView field : fields) {
            if (!field.readOnly() && params.containsKey(field.apiName())) {
                Object value = value(field, params.get(field.apiName()), zone);
                if (value != null) {
                    body.put(field.apiName(), value);
                }
            }
        }
        return body;
    }

    /** The body of changing one field: an empty input clears it. */
    static Body forField(FieldView field, MultiValueMap<String, String> params, ZoneId zone) {
        List<String> given = params.getOrDefault(field.apiName(), List.of());
        return Body.create().put(field.apiName(), value(field, given, zone));
    }

    /** The posted inputs as the form shows them again after a refusal. */
    static Map<String, Object> echo(Collection<FieldView> fields, MultiValueMap<String, String> params) {
        Map<String, Object> form = new HashMap<>();
        for (FieldView field : fields) {
            List<String> given = params.getOrDefault(field.apiName(), List.of());
            form.put(
                    field.apiName(),
                    "multi_picklist".equals(field.type()) ? given : given.isEmpty() ? "" : given.get(0));
        }
        return form;
    }

    /** A record's values as its inputs show them (date-times in the tenant's zone, to the minute). */
    static Map<String, Object> inputs(Collection<FieldView> fields, Map<String, Object> record, ZoneId zone) {
        Map<String, Object> form = new HashMap<>();
        for (FieldView field : fields) {
            Object value = record.get(field.apiName());
            if (value != null && "datetime".equals(field.type())) {
                try {
                    value = OffsetDateTime.parse(value.toString())
                            .atZoneSameInstant(zone)
                            .toLocalDateTime()
                            .truncatedTo(ChronoUnit.MINUTES)
                            .toString();
                } catch (DateTimeParseException e) {
                    // shown as stored
                }
            }
            form.put(field.apiName(), value == null ? ("multi_picklist".equals(field.type()) ? List.of() : "") : value);
        }
        return form;
    }

    private static Object value(FieldView field, List<String> given, ZoneId zone) {
        if ("multi_picklist".equals(field.type())) {
            List<String> values = given.stream().filter(v -> !v.isBlank()).toList();
            return values.isEmpty() ? null : values;
        }
        String text = given.isEmpty() ? null : given.get(0);
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (field.type()) {
            case "boolean" -> Boolean.parseBoolean(text);
            case "datetime" -> dateTime(text.strip(), zone);
            default -> text.strip();
        };
    }

    /** A datetime-local input's value in the tenant's zone; anything else is passed on for the service to refuse. */
    private static String dateTime(String text, ZoneId zone) {
        try {
            return LocalDateTime.parse(text).atZone(zone).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            return text;
        }
    }
}
