package com.weavecrm.platform.tenancy;

/** Where a tenant is in its life. */
public enum TenantStatus {
    /** being created; a crash leaves it here and start-up finishes the job */
    PROVISIONING,
    ACTIVE,
    SUSPENDED;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TenantStatus fromDb(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
