package com.weavecrm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server under test, started by the harness exactly as the README runs it
 * ({@code java -Xmx1g -jar weave-server.jar}) with its own data directory and port.
 */
final class ServerProcess implements AutoCloseable {

    static final List<String> JVM_FLAGS = List.of("-Xmx1g");

    private final Process process;
    private final long pid;
    private final String base;
    private final Path dataDir;

    private ServerProcess(Process process, long pid, String base, Path dataDir) {
        this.process = process;
        this.pid = pid;
        this.base = base;
        this.dataDir = dataDir;
    }

    /** A server already running (to profile it, say): the harness neither starts nor stops it. */
    static ServerProcess attach(String base, Path dataDir, long pid) {
        return new ServerProcess(null, pid, base, dataDir);
    }

    static ServerProcess start(Path jar, Path dataDir, int port, String adminPassword)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no server jar at " + jar + ": build it first with ./mvnw -q -DskipTests package");
        }
        Files.createDirectories(dataDir);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dataDir.resolve("server.out").toFile()));
        builder.environment()
                .putAll(Map.of(
                        "SERVER_PORT", String.valueOf(port),
                        "WEAVE_DATA_DIR", dataDir.toAbsolutePath().toString(),
                        "WEAVE_ADMIN_PASSWORD", adminPassword));
        Process process = builder.start();
        ServerProcess server = new ServerProcess(process, process.pid(), "http://127.0.0.1:" + port, dataDir);
        server.awaitHealthy(Duration.ofMinutes(3));
        return server;
    }

    String base() {
        return base;
    }

    long pid() {
        return pid;
    }

    Path dataDir() {
        return dataDir;
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Http http = new Http(base, null, 1)) {
            while (System.nanoTime() < deadline) {
                if (healthy(http)) {
                    return;
                }
                Thread.sleep(50);
            }
        }
        throw new IOException(
                "the server did not become healthy within " + timeout + "; see " + dataDir.resolve("server.out"));
    }

    private boolean healthy(Http http) throws IOException {
        if (!process.isAlive()) {
            throw new IOException("the server stopped at start-up; see " + dataDir.resolve("server.out"));
        }
        try {
            Http.Response response = http.send(Http.Call.get("/actuator/health"));
            return response.status() == 200 && response.body().contains("UP");
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(1, java.util.concurrent.TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
    }
}
