package com.weavecrm.followup;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A lead's deadline: what must happen by when, for whom, and how it ended. */
public record Deadline(
        UUID id,
        UUID leadId,
        UUID policyId,
        String kind,
        UUID ownerId,
        OffsetDateTime startedAt,
        OffsetDateTime dueAt,
        String status,
        OffsetDateTime closedAt,
        String outcome) {

    public static final String FIRST_RESPONSE = "first_response";
    public static final String FOLLOW_UP = "follow_up";
}
