package com.weavecrm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
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
        long start = System.nanoTime();
        try (ServerProcess server = ServerProcess.start(Path.of(jar), dataDir, port, Suite.ADMIN_PASSWORD)) {
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
