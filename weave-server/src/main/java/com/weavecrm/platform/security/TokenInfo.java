package com.weavecrm.platform.security;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A personal API token as listed to its owner: never with its secret. */
public record TokenInfo(
        UUID id, String name, OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime lastUsedAt) {}
