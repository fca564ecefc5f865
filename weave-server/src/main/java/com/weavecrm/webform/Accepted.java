package com.weavecrm.webform;

import com.weavecrm.lead.IntakeResult;
import java.util.UUID;

/**
 * A submission taken: the lead (a random id when the honeypot caught it — nothing was written), the
 * form's thank-you message (null: the page's default), whether a new lead was created now (false for
 * the honeypot and for the same submission again within a minute) and the intake's result (null for
 * the honeypot).
 */
public record Accepted(UUID leadId, String thankYou, boolean created, IntakeResult intake) {}
