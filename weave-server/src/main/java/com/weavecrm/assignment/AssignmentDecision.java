package com.weavecrm.assignment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who gets a lead and why.
 *
 * @param queue the queue the lead went to (a queue rule's name, {@code default} for the default queue), else null
 * @param trace each rule evaluated ({@code step: rule}) and the choice ({@code step: assigned})
 */
public record AssignmentDecision(UUID ownerId, String queue, List<Map<String, Object>> trace) {}
