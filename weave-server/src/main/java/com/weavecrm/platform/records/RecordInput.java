package com.weavecrm.platform.records;

import com.weavecrm.platform.access.FieldAccess;
import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.FieldValues;
import com.weavecrm.platform.metadata.SystemFields;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A record body as the caller sent it, checked field by field: unknown and hidden fields are refused
 * alike, read-only ones are refused, system fields and the standard fields the product fills (a
 * customer's {@code cid}, channel attribution) are ignored, every value is converted to its column
 * type. All problems are collected; nothing is written when there is one.
 */
final class RecordInput {

    /** Keys clients may send back from a record they read; they are ignored, not refused. */
    private static final Set<String> IGNORED = Set.of(
            SystemFields.ID,
            SystemFields.VERSION,
            SystemFields.CREATED_AT,
            SystemFields.UPDATED_AT,
            SystemFields.CREATED_BY,
            "cid");

    /** Whether a key is one clients may send back unchanged and that is ignored: not theirs to write. */
    private static boolean ignored(String key, ObjectAccess access) {
        boolean productFilled = IGNORED.contains(key)
                || access.object()
                        .field(key)
                        .filter(f -> f.standard() && f.readOnly())
                        .isPresent();
        return productFilled && access.fieldAccess(key).map(a -> !a.writable()).orElse(true);
    }

    private static final int MAX_EXTERNAL_ID = 255;

    /** The values by field api name, and the owner and external id when given. */
    record Parsed(
            Map<String, Object> values,
            boolean ownerGiven,
            UUID ownerId,
            boolean externalIdGiven,
            String externalId,
            List<FieldError> errors) {}

    private RecordInput() {}

    static Parsed read(JsonNode body, ObjectAccess access, boolean create) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("body", "not_an_object");
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        UUID owner = null;
        String externalId = null;
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            String key = entry.getKey();
            JsonNode node = entry.getValue();
            if (ignored(key, access)) {
                continue;
            }
            switch (key) {
                case SystemFields.OWNER_ID -> owner = uuid(node, errors);
                case SystemFields.EXTERNAL_ID -> externalId = externalId(node, errors);
                default -> {
                    FieldAccess level = access.fieldAccess(key).orElse(null);
                    if (level == null) {
                        errors.add(FieldError.of(key, "unknown_field"));
                    } else if (!level.writable()) {
                        errors.add(FieldError.of(key, "read_only"));
                    } else {
                        FieldDef field = access.column(key).orElseThrow().definition();
                        values.put(key, FieldValues.read(field, node, errors));
                    }
                }
            }
        }
        for (Column column : access.readable().values()) {
            FieldDef field = column.definition();
            boolean writable = field != null
                    && access.fieldAccess(field.apiName())
                            .map(FieldAccess::writable)
                            .orElse(false);
            boolean missing = create
                    ? values.get(column.apiName()) == null
                    : values.containsKey(column.apiName()) && values.get(column.apiName()) == null;
            if (writable
                    && field.required()
                    && missing
                    && errors.stream().noneMatch(e -> e.field().equals(field.apiName()))) {
                errors.add(FieldError.of(field.apiName(), "required"));
            }
        }
        return new Parsed(
                values, body.has(SystemFields.OWNER_ID), owner, body.has(SystemFields.EXTERNAL_ID), externalId, errors);
    }

    private static UUID uuid(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return UUID.fromString(node.asString(""));
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of(SystemFields.OWNER_ID, "invalid_id"));
            return null;
        }
    }

    private static String externalId(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()
                || node.stringValue().isBlank()
                || node.stringValue().length() > MAX_EXTERNAL_ID) {
            errors.add(FieldError.of(SystemFields.EXTERNAL_ID, "invalid_format"));
            return null;
        }
        return node.stringValue().strip();
    }
}
