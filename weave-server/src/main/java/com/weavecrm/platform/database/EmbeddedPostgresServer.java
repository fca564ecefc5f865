package com.weavecrm.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server that runs inside the product when no external database is configured. Its
 * data lives in {@code <data dir>/postgres} and survives restarts and crashes: fsync stays on, a
 * stale server left by a crash is stopped first, and a second server on the same directory is
 * refused.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final DataDirectoryLock lock;
    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(DataDirectoryLock lock, EmbeddedPostgres postgres) {
        this.lock = lock;
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer start(Path dataDir) throws IOException {
        Path absolute = dataDir.toAbsolutePath().normalize();
        DataDirectoryLock lock = DataDirectoryLock.acquire(absolute);
        try {
            Path pgDir = absolute.resolve("postgres");
            Files.createDirectories(pgDir);
            StalePostmaster.cleanUp(pgDir);
            long started = System.nanoTime();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", sharedBuffersMb() + "MB")
                    .setServerConfig("effective_cache_size", Math.max(512, physicalMemoryMb() / 2) + "MB")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "")
                    .setOutputRedirector(
                            Redirect.appendTo(absolute.resolve("postgres.log").toFile()))
                    .setErrorRedirector(
                            Redirect.appendTo(absolute.resolve("postgres.log").toFile()))
                    .setPGStartupWait(Duration.ofSeconds(120))
                    .start();
            log.info(
                    "Embedded PostgreSQL ready on 127.0.0.1:{} in {} ms, data in {}",
                    postgres.getPort(),
                    (System.nanoTime() - started) / 1_000_000,
                    pgDir);
            return new EmbeddedPostgresServer(lock, postgres);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** An eighth of the machine's memory for PostgreSQL's own cache, at least 128 MB and at most 2 GB. */
    static long sharedBuffersMb() {
        return Math.clamp(physicalMemoryMb() / 8, 128, 2048);
    }

    private static long physicalMemoryMb() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getTotalMemorySize()
                / (1024 * 1024);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            lock.close();
        }
    }
}
