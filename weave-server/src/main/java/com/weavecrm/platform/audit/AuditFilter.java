package com.weavecrm.platform.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Which audit entries to list; null means no restriction. */
public record AuditFilter(
        String object, String recordId, UUID actorId, String action, OffsetDateTime from, OffsetDateTime to) {}
