package com.weavecrm.platform.audit;

import java.time.OffsetDateTime;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** One entry of the audit trail as the API shows it. */
public record AuditEntry(
        long id,
        OffsetDateTime at,
        UUID actorId,
        String action,
        String object,
        String recordId,
        JsonNode changes,
        String detail,
        String requestId,
        String ip) {

    /** This entry with only the changes of {@code fields} (for readers who may not see every field). */
    public AuditEntry onlyFields(java.util.Set<String> fields) {
        tools.jackson.databind.node.ArrayNode kept = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        changes.values().forEach(change -> {
            if (fields.contains(change.path("field").asString())) {
                kept.add(change);
            }
        });
        return new AuditEntry(id, at, actorId, action, object, recordId, kept, detail, requestId, ip);
    }
}
