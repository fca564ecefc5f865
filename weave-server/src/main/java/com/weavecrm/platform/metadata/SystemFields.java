package com.weavecrm.platform.metadata;

import java.util.Locale;
import java.util.Set;

/**
 * The columns every record table has, and the names nobody may give a field of their own, in either
 * spelling ({@code ownerId} / {@code owner_id}).
 */
public final class SystemFields {

    public static final String ID = "id";
    public static final String VERSION = "version";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    public static final String CREATED_BY = "createdBy";
    public static final String OWNER_ID = "ownerId";
    public static final String EXTERNAL_ID = "externalId";

    /** The API names of system fields, in the order records show them. */
    public static final java.util.List<String> API_NAMES =
            java.util.List.of(ID, VERSION, CREATED_AT, UPDATED_AT, CREATED_BY, OWNER_ID, EXTERNAL_ID);

    private static final Set<String> RESERVED = Set.of(
            "id",
            "version",
            "created_at",
            "updated_at",
            "created_by",
            "owner_id",
            "external_id",
            "tenant_id",
            "deleted_at",
            "deleted_by",
            "cid",
            "oid",
            "xmin",
            "xmax",
            "ctid",
            "tableoid",
            "cmin",
            "cmax",
            "record_id",
            "object");

    private SystemFields() {}

    /** Whether {@code apiName} names a system field, in snake or camel case. */
    public static boolean isReserved(String apiName) {
        return RESERVED.contains(snake(apiName));
    }

    /** {@code wechatId} → {@code wechat_id}; {@code lesson_date} stays. */
    public static String snake(String apiName) {
        return apiName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
