package com.weavecrm.bench.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Statements the loader writes itself (DDL, settings): run one after the other on one connection. */
final class Sql {

    private Sql() {}

    static void execute(Connection db, String... statements) throws SQLException {
        try (Statement statement = db.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
