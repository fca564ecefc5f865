package com.weavecrm.platform.access;

/** A role's access to one field of one object; fields without a rule are editable. */
public record FieldRule(String object, String field, FieldAccess access) {}
