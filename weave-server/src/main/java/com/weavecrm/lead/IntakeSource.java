package com.weavecrm.lead;

import java.util.UUID;

/**
 * Where an intake came from when it is not a caller of the API with a token: the web form a visitor
 * filled in (the public page or {@code X-Form-Key}). Kept with the intake and shown in its trace.
 */
public record IntakeSource(UUID formId, String formName) {}
