package com.weavecrm.platform.web;

/** Length limits for passwords: long enough to resist guessing, bounded so hashing stays cheap. */
public final class PasswordRules {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private PasswordRules() {}
}
