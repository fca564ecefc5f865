package com.weavecrm.platform.organisation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A node of the organisation tree.
 *
 * @param kind {@code hq}, {@code region}, {@code store}, {@code team} or a kind of the tenant's own
 * @param path ids from the root down to this unit; a subtree is everything whose path starts with it
 */
public record OrgUnit(
        UUID id,
        UUID parentId,
        String name,
        String kind,
        @JsonIgnore String path,
        int depth,
        int sortOrder,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static final String HQ = "hq";

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isRoot() {
        return parentId == null;
    }
}
