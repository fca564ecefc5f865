package com.weavecrm.platform.access;

/**
 * One permission of one role: {@code action} on records of {@code object} within {@code scope}.
 * {@code object} may be {@value #ANY_OBJECT}, meaning every object, including those created later.
 */
public record Grant(String object, Action action, DataScope scope) {

    public static final String ANY_OBJECT = "*";
}
