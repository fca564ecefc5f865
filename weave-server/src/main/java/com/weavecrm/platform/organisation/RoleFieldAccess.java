package com.weavecrm.platform.organisation;

/** A role's access to one field: {@code hidden}, {@code read_only} or {@code editable}. */
public record RoleFieldAccess(String object, String field, String access) {}
