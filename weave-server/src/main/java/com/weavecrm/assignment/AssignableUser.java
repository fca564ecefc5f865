package com.weavecrm.assignment;

import java.util.UUID;

/** An active user a rule may name as a member, a default owner or someone away. */
public record AssignableUser(UUID id, String username, String displayName, UUID orgUnitId) {}
