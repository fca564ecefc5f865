package com.weavecrm.platform.access;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Names of the objects permissions are granted on: the administrative objects of the platform and
 * the standard CRM objects. Custom objects get names of the same form, chosen by the administrator.
 */
public final class ObjectNames {

    public static final String ORG_UNIT = "org_unit";
    public static final String USER = "user";
    public static final String ROLE = "role";
    public static final String AUDIT = "audit";
    public static final String SETTINGS = "settings";
    public static final String METADATA = "metadata";

    /**
     * Administration: who may manage the organisation, roles, objects and fields, settings and read
     * the audit trail.
     */
    public static final List<String> ADMINISTRATIVE = List.of(ORG_UNIT, USER, ROLE, METADATA, SETTINGS, AUDIT);

    /** The standard CRM objects of the contract (their records arrive with the records layer). */
    public static final List<String> STANDARD =
            List.of("customer", "contact", "lead", "deal", "activity", "task", "ticket", "product", "store");

    public static final Pattern API_NAME = Pattern.compile("[a-z][a-z0-9_]{1,40}");

    private ObjectNames() {}

    public static boolean isValid(String object) {
        return Grant.ANY_OBJECT.equals(object) || API_NAME.matcher(object).matches();
    }
}
