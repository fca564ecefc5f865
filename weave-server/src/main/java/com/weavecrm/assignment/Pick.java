package com.weavecrm.assignment;

import java.util.List;
import java.util.Map;

/**
 * What a rule's strategy came to: the chosen candidate (null when nobody was available), why, and
 * the members passed over on the way with the reason for each.
 *
 * @param why a stable code ({@code round_robin_next}, {@code least_loaded}, {@code all_members_capped}, …)
 * @param reason the same in words, for readers of the API
 * @param details values behind the reason ({@code after}, {@code openLeads}, {@code weight}, …)
 */
record Pick(
        Candidate chosen, String why, String reason, Map<String, Object> details, List<Map<String, Object>> skipped) {

    static Pick nobody(String why, List<Map<String, Object>> skipped) {
        return new Pick(null, why, null, Map.of(), skipped);
    }
}
