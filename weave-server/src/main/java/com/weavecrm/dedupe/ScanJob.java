package com.weavecrm.dedupe;

import java.io.Serializable;
import java.util.UUID;

/** What a scan's durable task needs to run as the user who asked for it. */
record ScanJob(UUID tenantId, UUID scanId, UUID userId, long securityVersion, String locale) implements Serializable {}
