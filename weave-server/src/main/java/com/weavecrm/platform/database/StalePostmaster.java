package com.weavecrm.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cleans up after a crashed server: a PostgreSQL left running on our data directory by a JVM that
 * died ({@code kill -9}) is stopped, and a {@code postmaster.pid} naming a process that is not our
 * PostgreSQL is removed. Only called while holding the {@link DataDirectoryLock}, so whatever runs
 * there belongs to no live Weave server.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

    private StalePostmaster() {}

    static void cleanUp(Path pgDir) throws IOException {
        Path pidFile = pgDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> orphan =
                readPid(pidFile).flatMap(ProcessHandle::of).filter(p -> isOurPostgres(p, pgDir));
        if (orphan.isPresent()) {
            stop(orphan.get());
        }
        if (orphan.isEmpty() || !orphan.get().isAlive()) {
            Files.deleteIfExists(pidFile);
        }
    }

    private static void stop(ProcessHandle postmaster) {
        log.warn(
                "A PostgreSQL left behind by a crashed server (pid {}) is still running; stopping it",
                postmaster.pid());
        postmaster.destroy(); // SIGTERM: a clean shutdown, the data stays consistent
        try {
            postmaster.onExit().get(SHUTDOWN_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn(
                    "PostgreSQL pid {} did not stop in {}; killing it (it recovers from its WAL)",
                    postmaster.pid(),
                    SHUTDOWN_WAIT);
            postmaster.destroyForcibly();
            postmaster.onExit().join();
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream()
                    .findFirst()
                    .orElse("")
                    .trim();
            return Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isOurPostgres(ProcessHandle process, Path pgDir) {
        try {
            String cmdline =
                    Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"), StandardCharsets.UTF_8);
            return cmdline.contains("postgres") && cmdline.contains(pgDir.toString());
        } catch (IOException e) {
            return process.info().command().map(c -> c.contains("postgres")).orElse(false);
        }
    }
}
