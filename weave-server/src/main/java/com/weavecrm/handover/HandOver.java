package com.weavecrm.handover;

import java.util.Map;
import java.util.UUID;

/**
 * A hand-over, planned or done: from whom, to whom (null in a plan when the leaver has no manager
 * and nobody was chosen), how many records of each object move and how many open tasks assigned to
 * the leaver get the receiver as assignee.
 */
public record HandOver(UUID userId, UUID to, Map<String, Integer> counts, int assignedTasks, boolean markedLeft) {

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum() + assignedTasks;
    }
}
