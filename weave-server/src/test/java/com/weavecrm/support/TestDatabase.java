package com.weavecrm.support;

import com.weavecrm.platform.tenancy.DatabaseNames;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The database of an integration test run. By default the application starts its own embedded
 * PostgreSQL, exactly as in production. With {@code -Dweave.test.database=external} (CI sets it when
 * {@code WEAVE_TEST_EXTERNAL_PG} names a server) a fresh database is created on that server for this
 * JVM and dropped with its tenant roles when the JVM ends.
 */
public final class TestDatabase {

    private static final Map<String, String> EXTERNAL_URLS = new HashMap<>();

    private TestDatabase() {}

    public static boolean isExternal() {
        return "external".equals(System.getProperty("weave.test.database"));
    }

    /** A JDBC URL (user included) of a database created for this JVM on the external server. */
    public static String externalUrl() {
        return externalUrl("it");
    }

    /**
     * A database of its own on the external server (created once per JVM and {@code purpose}, a lower-case
     * word), for tests that start applications of their own: their schedulers must not share durable
     * tasks with the suite's application, whose clock is another.
     */
    public static synchronized String externalUrl(String purpose) {
        return EXTERNAL_URLS.computeIfAbsent(purpose, TestDatabase::createExternal);
    }

    private static String createExternal(String purpose) {
        String server = System.getenv("WEAVE_TEST_EXTERNAL_PG");
        if (server == null || server.isBlank()) {
            throw new IllegalStateException("weave.test.database=external needs WEAVE_TEST_EXTERNAL_PG");
        }
        String database = "weave_" + purpose + "_"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "_"
                + ThreadLocalRandom.current().nextInt(1000, 9999);
        execute(server, "create database " + database);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(server, database)));
        return server.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
    }

    private static void drop(String server, String database) {
        try (Connection c = DriverManager.getConnection(server);
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            List<String> roles = new ArrayList<>();
            try (ResultSet r = s.executeQuery(
                    "select rolname from pg_roles where rolname like '" + DatabaseNames.rolePrefix(database) + "%'")) {
                while (r.next()) {
                    roles.add(r.getString(1));
                }
            }
            for (String role : roles) {
                s.execute("drop role if exists \"" + role + "\"");
            }
        } catch (SQLException e) {
            System.err.println("could not drop test database " + database + ": " + e.getMessage());
        }
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the external test database at " + url, e);
        }
    }
}
