package com.weavecrm.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database keeps its data, cleans up after a crash and refuses a second server. */
class EmbeddedPostgresServerIT {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestart() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            execute(server, "create table kept (v text); insert into kept values ('静安店')");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            assertThat(queryOne(server, "select v from kept")).isEqualTo("静安店");
        }
    }

    @Test
    void aPostgresLeftRunningByACrashedServerIsStoppedAndItsDataKept() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            execute(server, "create table kept (v text); insert into kept values ('after crash')");
        }
        // a crash: a postmaster still runs on the data directory, started by a process that is gone
        startOrphanPostmaster(dataDir.resolve("postgres"));
        long orphanPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                .get(0)
                .strip());
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false))
                .isTrue();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
            assertThat(queryOne(server, "select v from kept")).isEqualTo("after crash");
        }
    }

    @Test
    void aStalePidFileIsIgnored() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            execute(server, "select 1");
        }
        Files.writeString(
                dataDir.resolve("postgres/postmaster.pid"),
                ProcessHandle.current().pid() + "\n");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            assertThat(queryOne(server, "select 'up'")).isEqualTo("up");
        }
    }

    @Test
    void aSecondServerOnTheSameDirectoryIsRefusedClearly() throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDir)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another Weave server is already using the data directory")
                    .hasMessageContaining("WEAVE_DATA_DIR");
            assertThat(queryOne(first, "select 'still up'")).isEqualTo("still up");
        }
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String queryOne(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts PostgreSQL on {@code pgDir} with the binaries the embedded server unpacked, outside this JVM. */
    private static void startOrphanPostmaster(Path pgDir) throws IOException, InterruptedException {
        Path binaries =
                Path.of(System.getProperty("ot.epg.working-dir", System.getProperty("java.io.tmpdir")), "embedded-pg");
        Path pgCtl;
        try (var dirs = Files.list(binaries)) {
            pgCtl = dirs.map(d -> d.resolve("bin/pg_ctl"))
                    .filter(Files::isExecutable)
                    .findFirst()
                    .orElseThrow();
        }
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U")); // PostgreSQL refuses root; zonky does the same
        }
        command.addAll(List.of(
                pgCtl.toString(),
                "-D",
                pgDir.toString(),
                "-o",
                "-p " + freePort() + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=",
                "-l",
                pgDir.resolveSibling("orphan.log").toString(),
                "-w",
                "start"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean started = process.waitFor() == 0;
        String log = Files.exists(pgDir.resolveSibling("orphan.log"))
                ? Files.readString(pgDir.resolveSibling("orphan.log"))
                : "";
        assertThat(started).as(log).isTrue();
        assertThat(process.exitValue())
                .as(new String(process.getInputStream().readAllBytes()))
                .isZero();
    }
}
