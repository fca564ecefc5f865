package com.weavecrm.assignment;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A user away (leave, training, …) from {@code from} until {@code to}: no rule gives them leads meanwhile. */
public record Absence(UUID id, UUID userId, OffsetDateTime from, OffsetDateTime to, String note) {}
