package com.weavecrm.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Times {@code java -Xmx1g -jar weave-server.jar} from process start until {@code /actuator/health}
 * answers UP: once on an empty data directory (first start: initdb, schemas, the default tenant)
 * and then {@code runs} times on the same directory (a restart).
 */
final class ColdStart {

    private ColdStart() {}

    static void run(Options options) throws Exception {
        String jar = options.get("jar", "weave-server/target/weave-server.jar");
        int runs = options.getInt("runs", 5);
        int port = options.getInt("port", 18181);
        Path dataDir = Files.createTempDirectory("weave-coldstart");
        System.out.printf("first start (empty data directory): %.2f s%n", startAndStop(jar, dataDir, port));
        List<Double> restarts = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            restarts.add(startAndStop(jar, dataDir, port));
        }
        Collections.sort(restarts);
        System.out.printf(
                "restarts (n=%d): median %.2f s, max %.2f s, all %s%n",
                runs, restarts.get(restarts.size() / 2), restarts.get(restarts.size() - 1), restarts);
    }

    private static double startAndStop(String jar, Path dataDir, int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx1g", "-jar", jar)
                .redirectErrorStream(true)
                .redirectOutput(
                        dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile());
        builder.environment().put("WEAVE_DATA_DIR", dataDir.toString());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("WEAVE_ADMIN_PASSWORD", "Bench-Admin-2026!");
        long start = System.nanoTime();
        Process process = builder.start();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .build();
        try {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("server exited with " + process.exitValue());
                }
                try {
                    HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && response.body().contains("UP")) {
                        return (System.nanoTime() - start) / 1e9;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(50);
            }
        } finally {
            process.destroy();
            process.waitFor();
        }
    }
}
