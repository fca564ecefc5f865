package com.weavecrm.platform.records;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A saved list view of an object: its filter (CEL), sort, columns and kanban grouping, kept private
 * or shared with a role, an org unit (and the units below it) or the whole tenant.
 */
public record ListView(
        UUID id,
        String object,
        String name,
        UUID ownerId,
        String visibility,
        String role,
        UUID orgUnitId,
        String filter,
        String sort,
        String fields,
        String kanbanField,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static final String PRIVATE = "private";
}
