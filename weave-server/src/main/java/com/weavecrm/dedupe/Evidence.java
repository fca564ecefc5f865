package com.weavecrm.dedupe;

/**
 * One reason for or against two records being the same: the field, what was found (a stable code
 * such as {@code same_mobile} or {@code name_sound}) and its weight — positive for, negative against.
 */
public record Evidence(String field, String code, double weight) {}
