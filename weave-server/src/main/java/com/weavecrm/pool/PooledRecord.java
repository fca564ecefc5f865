package com.weavecrm.pool;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A record in a pool: its fields the caller may read, when and why it entered the pool ({@code
 * inactive} when reclaimed, else the reason given), and who owned it before.
 */
public record PooledRecord(
        Map<String, Object> record, OffsetDateTime enteredAt, String reason, UUID previousOwnerId, UUID returnedBy) {}
