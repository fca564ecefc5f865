package com.weavecrm.lead;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an intake did: the lead, the customer it belongs to, its owner, the existing customer it was
 * matched to (null when a new one was created), and each step of the decision. {@code repeated} when
 * the same submission arrived within a minute and nothing new was created.
 */
public record IntakeResult(
        UUID leadId,
        UUID customerId,
        UUID ownerId,
        UUID duplicateOf,
        List<Map<String, Object>> trace,
        boolean repeated) {}
