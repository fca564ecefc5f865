package com.weavecrm.platform.records;

/**
 * The parameters of a list call.
 *
 * @param fields comma-separated API names to return (null: every readable field)
 */
public record ListRequest(String filter, String sort, String fields, int limit, String cursor, boolean count) {

    public static ListRequest of(int limit) {
        return new ListRequest(null, null, null, limit, null, false);
    }
}
