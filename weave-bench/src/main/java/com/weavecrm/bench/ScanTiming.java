package com.weavecrm.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Times a batch duplicate scan of the suite's customers, from the request until the scan is done. */
final class ScanTiming {

    private static final Duration LIMIT = Duration.ofMinutes(30);

    private ScanTiming() {}

    static Map<String, Object> measure(ServerApi api) throws Exception {
        long start = System.nanoTime();
        JsonNode scan = api.post("/api/v1/dedupe/scans", Map.of("object", "customer"));
        String id = scan.path("id").asString();
        while (scan.path("status").asString().equals("running")) {
            if (System.nanoTime() - start > LIMIT.toNanos()) {
                throw new IllegalStateException("scan " + id + " still running after " + LIMIT);
            }
            Thread.sleep(1_000);
            scan = api.get("/api/v1/dedupe/scans/" + id);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("status", scan.path("status").asString());
        timing.put("seconds", Math.round(seconds * 10) / 10.0);
        timing.put("recordsScanned", scan.path("recordsScanned").asLong());
        timing.put("pairsCompared", scan.path("pairsCompared").asLong());
        timing.put("pairsFound", scan.path("pairsFound").asLong());
        System.out.printf(
                "dedupe scan %s: %s in %.1f s, %s pairs compared, %s found%n",
                id, timing.get("status"), seconds, timing.get("pairsCompared"), timing.get("pairsFound"));
        return timing;
    }
}
