package com.weavecrm.notification;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Kinds of notices. A kind names what happened; group-bot channels choose the kinds they receive.
 * Capabilities may use kinds of their own (same form); these are the ones the product knows and
 * offers on the settings page.
 */
public final class NoticeKinds {

    public static final String LEAD_ASSIGNED = "lead_assigned";
    public static final String TASK_DUE = "task_due";
    public static final String SLA_BREACH = "sla_breach";
    public static final String LEAD_RECLAIMED = "lead_reclaimed";
    public static final String GENERAL = "general";

    /** Every kind, in a channel's list of kinds. */
    public static final String ANY = "*";

    public static final List<String> KNOWN = List.of(LEAD_ASSIGNED, TASK_DUE, SLA_BREACH, LEAD_RECLAIMED, GENERAL);

    public static final Pattern PATTERN = Pattern.compile("[a-z][a-z0-9_]{1,40}");

    private NoticeKinds() {}
}
