package com.weavecrm.platform.audit;

/** Kinds of audit entry (the {@code action} of the API). */
public final class AuditAction {

    public static final String CREATE = "create";
    public static final String UPDATE = "update";
    public static final String DELETE = "delete";
    public static final String RESTORE = "restore";
    public static final String MERGE = "merge";
    /** A merge undone: the merged records are back and the survivor's values restored. */
    public static final String UNMERGE = "unmerge";
    /** A record claimed from a public pool: its owner goes from none to the claimant. */
    public static final String POOL_CLAIM = "pool_claim";
    /** A record returned to a public pool by hand (or by the product on a rule): it loses its owner. */
    public static final String POOL_RETURN = "pool_return";
    /** A record the product took back into a public pool for want of activity. */
    public static final String POOL_RECLAIM = "pool_reclaim";
    /** A leaver's open records handed over to another user (one entry for the whole step). */
    public static final String HAND_OVER = "hand_over";

    public static final String LOGIN = "login";
    public static final String LOGIN_FAILED = "login_failed";
    public static final String LOGOUT = "logout";
    public static final String PERMISSION_CHANGE = "permission_change";
    public static final String PASSWORD_CHANGE = "password_change";
    public static final String TOKEN_CREATE = "token_create";
    public static final String TOKEN_REVOKE = "token_revoke";
    public static final String DEADLINE_BREACH = "deadline_breach";

    private AuditAction() {}
}
