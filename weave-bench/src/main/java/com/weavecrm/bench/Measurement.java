package com.weavecrm.bench;

import org.HdrHistogram.Histogram;

/** What one scenario measured: throughput, latency percentiles in milliseconds, errors. */
record Measurement(
        String name,
        int clients,
        double seconds,
        long requests,
        long errors,
        double throughput,
        double p50,
        double p95,
        double p99,
        double max,
        String firstError,
        CpuUse cpu,
        ServerTime server) {

    /** The server's own time for the requests (its request-time histogram), in milliseconds. */
    record ServerTime(Double p50, Double p95, Double p99) {}

    /** CPU milliseconds per request of the server JVM, PostgreSQL and the harness during the run. */
    record CpuUse(double server, double postgres, double harness) {}

    /**
     * What a run measured: the harness's latencies from {@code histogram}, and what the server reported
     * {@code during} the run — CPU per request of each process, and its own request times when it
     * served HTTP (a baseline does not).
     */
    static Measurement of(
            String name,
            int clients,
            double seconds,
            long requests,
            long errors,
            Histogram histogram,
            String firstError,
            ServerReading during) {
        CpuTime spent = during.cpu();
        double per = requests == 0 ? 0 : 1000.0 / requests;
        Double serverP99 = during.serverMillis(0.99);
        return new Measurement(
                name,
                clients,
                seconds,
                requests,
                errors,
                requests / seconds,
                millis(histogram.getValueAtPercentile(50)),
                millis(histogram.getValueAtPercentile(95)),
                millis(histogram.getValueAtPercentile(99)),
                millis(histogram.getMaxValue()),
                firstError,
                new CpuUse(
                        round(spent.serverSeconds() * per),
                        round(spent.postgresSeconds() * per),
                        round(spent.harnessSeconds() * per)),
                serverP99 == null
                        ? null
                        : new ServerTime(during.serverMillis(0.5), during.serverMillis(0.95), serverP99));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    String summary() {
        String serverTime = server == null
                ? ""
                : String.format("; server p50 %.2f p95 %.2f p99 %.2f ms", server.p50(), server.p95(), server.p99());
        String cpuUse = String.format(
                "; CPU ms/request: server %.2f, PostgreSQL %.2f, harness %.2f",
                cpu.server(), cpu.postgres(), cpu.harness());
        return String.format(
                "%-32s %3d clients %8.0f req/s  p50 %7.2f  p95 %7.2f  p99 %7.2f  max %8.2f ms  %d requests, %d errors%s%s%s",
                name,
                clients,
                throughput,
                p50,
                p95,
                p99,
                max,
                requests,
                errors,
                serverTime,
                cpuUse,
                firstError == null ? "" : " (first: " + firstError + ")");
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
