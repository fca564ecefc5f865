package com.weavecrm.platform.organisation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A user as the admin API and pages show it (never with a password hash). */
public record UserAccount(
        UUID id,
        String username,
        String displayName,
        UUID orgUnitId,
        UUID managerId,
        String phone,
        String email,
        String status,
        String locale,
        List<String> roles,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime lastLoginAt) {

    public static final String ACTIVE = "active";
    public static final String LEFT = "left";
}
