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
        String ip) {}
