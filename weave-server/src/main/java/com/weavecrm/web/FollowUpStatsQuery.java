package com.weavecrm.web;

import com.weavecrm.followup.Period;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * What the follow-up figures page shows, all in its address (linkable, the back button works): the
 * grouping and the days, both included. Builds the links of the page: another grouping, the
 * deadlines behind a row, the lead list of a row.
 */
record FollowUpStatsQuery(String by, LocalDate from, LocalDate to) {

    static final List<String> GROUPINGS = List.of("owner", "store", "channel");

    /** Columns of the lead list a row links to: what the figures are made of. */
    private static final List<String> LEAD_COLUMNS =
            List.of("name", "channel", "status", "ownerId", "createdAt", "firstResponseMinutes", "followUpStatus");

    static FollowUpStatsQuery of(String by, LocalDate from, LocalDate to) {
        return new FollowUpStatsQuery(by == null || by.isBlank() ? "owner" : by, from, to);
    }

    public String withBy(String grouping) {
        return "/follow-up?" + query(grouping);
    }

    /** The deadlines counted in the row of {@code key} (empty: the row without a key). */
    public String deadlines(String key) {
        return "/follow-up/deadlines?" + query(by) + "&key=" + encode(key == null ? "" : key);
    }

    /**
     * The lead list of a row: the owner's (or channel's) leads created in the period, with the follow-up
     * columns; none for stores and rows without a key (the list cannot filter by an owner's unit).
     */
    public String leads(String key, Period period) {
        if (key == null || period == null || "store".equals(by)) {
            return null;
        }
        String field = "owner".equals(by) ? "ownerId" : "channel";
        String filter = field + " == " + FilterBuilder.quote(key)
                + " && createdAt >= timestamp("
                + FilterBuilder.quote(period.from().toString()) + ")"
                + " && createdAt < timestamp("
                + FilterBuilder.quote(period.until().toString()) + ")";
        StringBuilder url = new StringBuilder("/records/lead?");
        LEAD_COLUMNS.forEach(c -> url.append("col=").append(c).append('&'));
        return url.append("cel=")
                .append(encode(filter))
                .append("&sort=-createdAt")
                .toString();
    }

    private String query(String grouping) {
        return "by=" + encode(grouping) + "&from=" + encode(text(from)) + "&to=" + encode(text(to));
    }

    private static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
