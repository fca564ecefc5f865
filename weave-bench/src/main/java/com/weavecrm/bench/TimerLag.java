package com.weavecrm.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Issue 6's timer target: with 100,000 follow-up deadlines pending (spread over the next 30 days), how
 * late do the ones coming due now fire? Plants the deadlines on existing leads under a policy that
 * only notes the breach, waits until the near ones are due and swept, reads how late each was closed,
 * and removes what it planted.
 */
final class TimerLag {

    private static final int PENDING = 100_000;
    private static final int DUE_SOON = 500;
    private static final int SOON_SECONDS = 60;

    private TimerLag() {}

    static Map<String, Object> measure(Connection db, Samples samples) throws SQLException, InterruptedException {
        String s = samples.schema();
        UUID policy = UUID.randomUUID();
        try (Statement sql = db.createStatement()) {
            sql.execute("insert into " + s + ".followup_policy (id, name, position, follow_up_hours, on_breach)"
                    + " values ('" + policy + "', 'bench timers', 9999, 48, 'notify_manager')");
            // each lead at most once per kind: the near ones first_response, the far ones follow_up
            sql.execute("insert into " + s + ".followup_deadline (id, lead_id, policy_id, kind, owner_id, started_at,"
                    + " due_at, status) select gen_random_uuid(), id, '" + policy + "', 'follow_up', owner_id, now(),"
                    + " now() + interval '1 hour' + random() * interval '30 days', 'pending' from " + s + ".r_lead"
                    + " where deleted_at is null and not exists (select 1 from " + s + ".followup_deadline d"
                    + " where d.lead_id = r_lead.id and d.status = 'pending') limit " + PENDING);
            sql.execute("insert into " + s + ".followup_deadline (id, lead_id, policy_id, kind, owner_id, started_at,"
                    + " due_at, status) select gen_random_uuid(), id, '" + policy
                    + "', 'first_response', owner_id, now(),"
                    + " now() + interval '5 seconds' + random() * interval '" + SOON_SECONDS + " seconds', 'pending'"
                    + " from " + s + ".r_lead where deleted_at is null and not exists (select 1 from " + s
                    + ".followup_deadline d where d.lead_id = r_lead.id and d.kind = 'first_response'"
                    + " and d.status = 'pending') limit " + DUE_SOON);
        }
        Thread.sleep((SOON_SECONDS + 20) * 1_000L);
        Map<String, Object> lag = new LinkedHashMap<>();
        try (PreparedStatement read = db.prepareStatement("select count(*), count(closed_at),"
                + " percentile_cont(0.5) within group (order by extract(epoch from closed_at - due_at)),"
                + " percentile_cont(0.99) within group (order by extract(epoch from closed_at - due_at)),"
                + " max(extract(epoch from closed_at - due_at)),"
                + " (select count(*) from " + s + ".followup_deadline where status = 'pending')"
                + " from " + s + ".followup_deadline where policy_id = ? and kind = 'first_response'")) {
            read.setObject(1, policy);
            try (ResultSet r = read.executeQuery()) {
                r.next();
                lag.put("pending", r.getLong(6) + r.getLong(1) - r.getLong(2));
                lag.put("dueSoon", r.getLong(1));
                lag.put("fired", r.getLong(2));
                lag.put("lagP50Seconds", r.getDouble(3));
                lag.put("lagP99Seconds", r.getDouble(4));
                lag.put("lagMaxSeconds", r.getDouble(5));
            }
        }
        try (PreparedStatement clean =
                db.prepareStatement("delete from " + s + ".followup_deadline where policy_id = ?; ")) {
            clean.setObject(1, policy);
            clean.execute();
        }
        try (Statement sql = db.createStatement()) {
            sql.execute("delete from " + s + ".followup_policy where id = '" + policy + "'");
        }
        System.out.println("deadline timers: " + lag);
        return lag;
    }
}
