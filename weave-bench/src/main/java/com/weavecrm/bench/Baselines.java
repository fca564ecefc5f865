package com.weavecrm.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The same work done straight on PostgreSQL by hand-written SQL, one connection per client, in the
 * same run: the ceiling the product is compared with. Each transaction takes the tenant's role and
 * search path first, as the product's requests do.
 */
final class Baselines {

    private static final String CUSTOMER_360 = "select json_build_object("
            + "'profile', (select to_json(c) from r_customer c where c.id = ? and c.deleted_at is null),"
            + "'contacts', (select json_agg(t) from (select * from r_contact where customer_id = ? and deleted_at is null"
            + "  order by created_at desc, id desc limit 20) t),"
            + "'deals', (select json_agg(t) from (select stage, count(*), sum(amount) from r_deal"
            + "  where customer_id = ? and deleted_at is null group by stage) t),"
            + "'timeline', (select json_agg(t) from (select * from r_activity where customer_id = ? and deleted_at is null"
            + "  order by occurred_at desc nulls last, id desc limit 20) t),"
            + "'tasks', (select json_agg(t) from (select * from r_task where related_id = ? and related_object = 'customer'"
            + "  and status = 'open' and deleted_at is null order by created_at desc limit 20) t))";

    private final String jdbcUrl;
    private final Samples samples;

    Baselines(String jdbcUrl, Samples samples) {
        this.jdbcUrl = jdbcUrl;
        this.samples = samples;
    }

    /** The baseline of each product scenario that has one, by the scenario's name. */
    Map<String, LoadRunner.ClientFactory> all() {
        Map<String, LoadRunner.ClientFactory> all = new LinkedHashMap<>();
        all.put("customer-360", sql(CUSTOMER_360, (s, r) -> {
            String id = samples.customer(r).toString();
            for (int i = 1; i <= 5; i++) {
                s.setObject(i, i == 5 ? id : UUID.fromString(id));
            }
        }));
        all.put(
                "list-store-first-page",
                sql(
                        "select * from r_customer where store_id = ? and deleted_at is null order by created_at desc, id desc limit 51",
                        (s, r) -> s.setObject(1, samples.store(r))));
        all.put(
                "read",
                sql(
                        "select * from r_customer where id = ? and deleted_at is null",
                        (s, r) -> s.setObject(1, samples.customer(r))));
        all.put(
                "create",
                sql(
                        "insert into r_customer (id, cid, name, phone, channel, store_id, search_text) values (?, ?, ?, ?, 'store', ?, ?)",
                        (s, r) -> {
                            UUID id = UUID.randomUUID();
                            String phone = "13" + (100_000_000 + r.nextInt(900_000_000));
                            s.setObject(1, id);
                            s.setString(2, id.toString().substring(0, 12));
                            s.setString(3, "基线客户");
                            s.setString(4, phone);
                            s.setObject(5, samples.store(r));
                            s.setString(6, "基线客户 " + phone);
                        }));
        all.put(
                "update",
                sql(
                        "update r_customer set industry = ?, version = version + 1, updated_at = now() where id = ?",
                        (s, r) -> {
                            s.setString(1, r.nextBoolean() ? "零售" : "餐饮");
                            s.setObject(2, samples.customer(r));
                        }));
        return all;
    }

    /** Fills in a statement's parameters. */
    private interface Binder {
        void bind(PreparedStatement statement, SplittableRandom random) throws SQLException;
    }

    private LoadRunner.ClientFactory sql(String statementSql, Binder binder) {
        return () -> {
            Connection db = Database.connect(jdbcUrl);
            db.setAutoCommit(false);
            PreparedStatement scope =
                    db.prepareStatement("select set_config('role', ?, true), set_config('search_path', ?, true)");
            scope.setString(1, samples.role());
            scope.setString(2, samples.schema());
            PreparedStatement work = db.prepareStatement(statementSql);
            return new LoadRunner.Client() {
                @Override
                public boolean call(SplittableRandom random) throws SQLException {
                    try (ResultSet ignored = scope.executeQuery()) {
                        binder.bind(work, random);
                        if (work.execute()) {
                            try (ResultSet rows = work.getResultSet()) {
                                while (rows.next()) {
                                    rows.getObject(1);
                                }
                            }
                        }
                        db.commit();
                        return true;
                    } catch (SQLException e) {
                        db.rollback();
                        throw e;
                    }
                }

                @Override
                public void close() throws SQLException {
                    db.close();
                }
            };
        };
    }
}
