package com.weavecrm.followup;

import java.util.UUID;

/**
 * Deadlines for the leads {@code condition} (CEL over the lead's fields; null for all) selects: a first
 * response within {@code firstResponseMinutes}, a follow-up within {@code followUpHours} (either may be
 * null), and what a breach does. Policies are tried in {@code position} order; the first that applies
 * wins.
 */
public record FollowUpPolicy(
        UUID id,
        String name,
        int position,
        String condition,
        Integer firstResponseMinutes,
        Integer followUpHours,
        OnBreach onBreach,
        boolean active,
        long version) {

    /** What a breached deadline does. */
    public enum OnBreach {
        NOTIFY_MANAGER,
        REASSIGN_TO_MANAGER,
        RETURN_TO_POOL;

        public String apiName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
