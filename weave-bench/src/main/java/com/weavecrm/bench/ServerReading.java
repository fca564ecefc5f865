package com.weavecrm.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the harness reads off the server around a measured period: the CPU time of each process
 * ({@link CpuTime}) and the server's own histogram of request times ({@code http.server.requests}
 * on {@code /actuator/prometheus}, buckets from 1 ms to 10 s, cumulative counts by upper bound over
 * every URI) — the server time a request took, without the time on the wire and in the harness.
 */
record ServerReading(CpuTime cpu, TreeMap<Double, Long> buckets) {

    private static final Pattern BUCKET =
            Pattern.compile("^http_server_requests_seconds_bucket\\{.*le=\"([^\"]+)\".*} ([0-9.eE+]+)$");

    static ServerReading read(long serverPid, Path dataDir, Http http) {
        return new ServerReading(CpuTime.read(serverPid, dataDir), buckets(http));
    }

    ServerReading minus(ServerReading before) {
        TreeMap<Double, Long> delta = new TreeMap<>();
        buckets.forEach((le, count) -> delta.put(le, count - before.buckets.getOrDefault(le, 0L)));
        return new ServerReading(cpu.minus(before.cpu), delta);
    }

    /** The server time at {@code quantile} (0..1) in milliseconds, interpolated within its bucket; null without requests. */
    Double serverMillis(double quantile) {
        List<Map.Entry<Double, Long>> entries = new ArrayList<>(buckets.entrySet());
        long total = entries.isEmpty() ? 0 : entries.getLast().getValue();
        if (total <= 0) {
            return null;
        }
        double rank = quantile * total;
        double lowerBound = 0;
        long lowerCount = 0;
        for (Map.Entry<Double, Long> entry : entries) {
            if (entry.getValue() >= rank) {
                double upper = entry.getKey().isInfinite() ? lowerBound : entry.getKey();
                long inBucket = entry.getValue() - lowerCount;
                double fraction = inBucket == 0 ? 1 : (rank - lowerCount) / inBucket;
                return Math.round((lowerBound + (upper - lowerBound) * fraction) * 1e5) / 100.0;
            }
            lowerBound = entry.getKey();
            lowerCount = entry.getValue();
        }
        return null;
    }

    private static TreeMap<Double, Long> buckets(Http http) {
        TreeMap<Double, Long> buckets = new TreeMap<>();
        try {
            Http.Response response = http.send(Http.Call.get("/actuator/prometheus"));
            for (String line : response.body().split("\n")) {
                Matcher bucket = BUCKET.matcher(line);
                if (bucket.matches() && !line.contains("uri=\"/actuator/prometheus\"")) {
                    double le = bucket.group(1).equals("+Inf")
                            ? Double.POSITIVE_INFINITY
                            : Double.parseDouble(bucket.group(1));
                    buckets.merge(le, (long) Double.parseDouble(bucket.group(2)), Long::sum);
                }
            }
        } catch (IOException | RuntimeException e) {
            buckets.clear();
        }
        return buckets;
    }
}
