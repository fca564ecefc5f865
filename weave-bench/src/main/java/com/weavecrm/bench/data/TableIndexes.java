package com.weavecrm.bench.data;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys, indexes and foreign keys of the tables being loaded, read from the catalog before the
 * load so that they can be dropped and built once over the loaded rows (far faster than keeping
 * them up to date row by row), exactly as the product defined them.
 */
final class TableIndexes {

    private final List<String> drops = new ArrayList<>();
    private final List<String> creates = new ArrayList<>();
    private final List<String> foreignKeys = new ArrayList<>();

    static TableIndexes capture(Connection db, List<String> tables) throws SQLException {
        TableIndexes indexes = new TableIndexes();
        Array regclasses = db.createArrayOf("text", tables.toArray());
        List<String> keyDrops = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement(
                "select c.conrelid::regclass::text, quote_ident(c.conname), pg_get_constraintdef(c.oid), c.contype"
                        + " from pg_constraint c"
                        + " where c.contype in ('p', 'u', 'f')"
                        + " and (c.conrelid = any (?::regclass[]) or (c.contype = 'f' and c.confrelid = any (?::regclass[])))"
                        + " order by c.contype, c.conname")) {
            statement.setArray(1, regclasses);
            statement.setArray(2, regclasses);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String table = rows.getString(1);
                    String name = rows.getString(2);
                    String drop = "alter table " + table + " drop constraint " + name;
                    String create = "alter table " + table + " add constraint " + name + " " + rows.getString(3);
                    if (rows.getString(4).equals("f")) {
                        indexes.drops.add(drop);
                        indexes.foreignKeys.add(create);
                    } else {
                        keyDrops.add(drop);
                        indexes.creates.add(create);
                    }
                }
            }
        }
        indexes.drops.addAll(keyDrops);
        try (PreparedStatement statement =
                db.prepareStatement("select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i"
                        + " where i.indrelid = any (?::regclass[])"
                        + " and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)"
                        + " order by 1")) {
            statement.setArray(1, regclasses);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    indexes.drops.add("drop index " + rows.getString(1));
                    indexes.creates.add(rows.getString(2));
                }
            }
        }
        return indexes;
    }

    void drop(Connection db) throws SQLException {
        Sql.execute(db, drops.toArray(String[]::new));
    }

    /** Builds keys and indexes, then the foreign keys (which check every row against its key). */
    void build(Connection db, Progress progress) throws SQLException {
        for (String statement : creates) {
            progress.timed(statement, () -> Sql.execute(db, statement));
        }
        for (String statement : foreignKeys) {
            progress.timed(statement, () -> Sql.execute(db, statement));
        }
    }

    int count() {
        return creates.size() + foreignKeys.size();
    }
}
