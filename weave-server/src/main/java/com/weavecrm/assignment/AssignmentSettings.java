package com.weavecrm.assignment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The tenant's assignment settings.
 *
 * @param defaultOwnerId the default queue's owner as set (null: the tenant's first administrator)
 * @param defaultQueueOwnerId who the default queue gives leads to now
 * @param keepExistingOwner a lead of an existing customer goes to the customer's owner before any rule
 * @param workingHours the days (ISO, 1 = Monday) and hours ({@code HH:mm}, tenant time zone) of work
 */
public record AssignmentSettings(
        UUID defaultOwnerId,
        UUID defaultQueueOwnerId,
        boolean keepExistingOwner,
        WorkingHours workingHours,
        long version,
        OffsetDateTime updatedAt) {

    /** Working days and the hours of each, {@code from} inclusive, {@code to} exclusive. */
    public record WorkingHours(List<Integer> days, String from, String to) {}
}
