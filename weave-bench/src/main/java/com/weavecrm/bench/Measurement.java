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
        CpuUse cpu) {

    /** CPU milliseconds per request of the server JVM, PostgreSQL and the harness during the run. */
    record CpuUse(double server, double postgres, double harness) {}

    static Measurement of(
            String name,
            int clients,
            double seconds,
            long requests,
            long errors,
            Histogram histogram,
            String firstError) {
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
                null);
    }

    /** The measurement with the CPU time each process spent on it, per request. */
    Measurement withCpu(CpuTime spent) {
        double per = requests == 0 ? 0 : 1000.0 / requests;
        return new Measurement(
                name,
                clients,
                seconds,
                requests,
                errors,
                throughput,
                p50,
                p95,
                p99,
                max,
                firstError,
                new CpuUse(
                        round(spent.serverSeconds() * per),
                        round(spent.postgresSeconds() * per),
                        round(spent.harnessSeconds() * per)));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    String summary() {
        String cpuUse = cpu == null
                ? ""
                : String.format(
                        "; CPU ms/request: server %.2f, PostgreSQL %.2f, harness %.2f",
                        cpu.server(), cpu.postgres(), cpu.harness());
        return String.format(
                "%-32s %3d clients %8.0f req/s  p50 %7.2f  p95 %7.2f  p99 %7.2f  max %8.2f ms  %d requests, %d errors%s%s",
                name,
                clients,
                throughput,
                p50,
                p95,
                p99,
                max,
                requests,
                errors,
                cpuUse,
                firstError == null ? "" : " (first: " + firstError + ")");
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
