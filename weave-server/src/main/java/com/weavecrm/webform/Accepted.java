package com.weavecrm.webform;

import java.util.UUID;

/**
 * A submission taken: the lead (a random id when the honeypot caught it — nothing was written, the
 * sender cannot tell), the form's thank-you message (null: the page's default) and whether a new lead
 * was created now (false for the honeypot and for the same submission again within a minute).
 */
public record Accepted(UUID leadId, String thankYou, boolean created) {}
