package com.weavecrm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The server's database as the harness reaches it: for loading data and for the baselines. */
final class Database {

    private Database() {}

    /** The embedded PostgreSQL of a server's data directory (its port is in {@code postmaster.pid}). */
    static String jdbcUrlOf(Path dataDir) throws IOException {
        List<String> lines = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        if (lines.size() < 4) {
            throw new IOException("no running PostgreSQL in " + dataDir);
        }
        return "jdbc:postgresql://127.0.0.1:" + lines.get(3).strip() + "/postgres?user=postgres";
    }

    static Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    /** The tenant's schema and database role. */
    record TenantSchema(String schema, String role) {}

    static TenantSchema tenant(Connection db, String slug) throws SQLException {
        try (PreparedStatement statement =
                db.prepareStatement("select schema_name, db_role from platform.tenant where slug = ?")) {
            statement.setString(1, slug);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no tenant " + slug);
                }
                return new TenantSchema(rows.getString(1), rows.getString(2));
            }
        }
    }
}
