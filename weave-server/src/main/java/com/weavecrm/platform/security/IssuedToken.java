package com.weavecrm.platform.security;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A newly issued token; {@code secret} is shown to its owner once and never stored. */
public record IssuedToken(UUID id, String name, String secret, OffsetDateTime expiresAt) {}
