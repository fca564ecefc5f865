package com.weavecrm.pool;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A public pool: which records of {@code object} it takes back ({@code condition}, a filter in CEL;
 * null for all) after {@code inactiveDays} without activity, who may claim from it ({@code
 * claimRoles} and {@code claimUnits}; both empty: everyone who may read the object), how many
 * records a user may claim from it a day, and how long a record's previous owner waits before
 * claiming it back (0: no wait). An inactive pool reclaims nothing.
 */
public record Pool(
        UUID id,
        String name,
        String object,
        String condition,
        int inactiveDays,
        List<String> claimRoles,
        List<UUID> claimUnits,
        int dailyClaimLimit,
        int previousOwnerWaitDays,
        boolean active,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** The objects a pool may hold. */
    public static final List<String> OBJECTS = List.of("lead", "customer");

    public Pool {
        claimRoles = List.copyOf(claimRoles);
        claimUnits = List.copyOf(claimUnits);
    }

    /** Whether the pool names who may claim (otherwise everyone who may read the object may). */
    public boolean restricted() {
        return !claimRoles.isEmpty() || !claimUnits.isEmpty();
    }
}
