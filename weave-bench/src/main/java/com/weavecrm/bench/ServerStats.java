package com.weavecrm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The server JVM's heap and garbage collection, read with {@code jstat -gc} (from the JDK that runs
 * the harness): collections and pause totals since start, old generation and heap in use.
 */
record ServerStats(
        long youngCollections,
        double youngSeconds,
        long fullCollections,
        double fullSeconds,
        double concurrentSeconds,
        double heapUsedMb,
        double oldUsedMb) {

    static ServerStats read(long pid) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        Path jstat = java.resolveSibling("jstat");
        Process process = new ProcessBuilder(
                        Files.isExecutable(jstat) ? jstat.toString() : "jstat", "-gc", String.valueOf(pid))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        String[] lines = output.strip().split("\n");
        if (lines.length < 2) {
            throw new IOException("jstat gave no figures: " + output);
        }
        String[] names = lines[0].trim().split("\\s+");
        String[] values = lines[1].trim().split("\\s+");
        Map<String, Double> gc = new HashMap<>();
        for (int i = 0; i < Math.min(names.length, values.length); i++) {
            try {
                gc.put(names[i], Double.parseDouble(values[i]));
            } catch (NumberFormatException dash) {
                gc.put(names[i], 0.0);
            }
        }
        double heapKb = gc.getOrDefault("S0U", 0.0)
                + gc.getOrDefault("S1U", 0.0)
                + gc.getOrDefault("EU", 0.0)
                + gc.getOrDefault("OU", 0.0);
        return new ServerStats(
                gc.getOrDefault("YGC", 0.0).longValue(),
                gc.getOrDefault("YGCT", 0.0),
                gc.getOrDefault("FGC", 0.0).longValue(),
                gc.getOrDefault("FGCT", 0.0),
                gc.getOrDefault("CGCT", 0.0),
                heapKb / 1024,
                gc.getOrDefault("OU", 0.0) / 1024);
    }

    /** What happened between {@code before} and this reading. */
    ServerStats since(ServerStats before) {
        return new ServerStats(
                youngCollections - before.youngCollections,
                youngSeconds - before.youngSeconds,
                fullCollections - before.fullCollections,
                fullSeconds - before.fullSeconds,
                concurrentSeconds - before.concurrentSeconds,
                heapUsedMb,
                oldUsedMb);
    }
}
