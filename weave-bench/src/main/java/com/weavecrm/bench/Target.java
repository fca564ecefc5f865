package com.weavecrm.bench;

import java.util.List;
import java.util.Optional;

/** A performance target of an issue, checked against a scenario's measurement. */
record Target(String issue, String suite, String scenario, String description, String metric, double limit) {

    /** The targets of the issues so far, each read off the suite that runs its scenario. */
    static final List<Target> ALL = List.of(
            new Target("3", "foundation", "me", "authenticated GET /api/v1/me ≥ 2,000 req/s", "throughput", 2_000),
            new Target("3", "foundation", "login", "sign-in p95 ≤ 300 ms", "p95", 300),
            new Target("4", "sf1", "customer-360", "customer 360 p99 ≤ 25 ms server time", "server-p99", 25),
            new Target(
                    "4",
                    "sf1",
                    "list-store-first-page",
                    "list, indexed filter + sort, first page p99 ≤ 50 ms",
                    "p99",
                    50),
            new Target("4", "sf1", "read", "single record read ≥ 3,000 req/s", "throughput", 3_000),
            new Target("4", "sf1", "create", "create ≥ 1,000 records/s", "throughput", 1_000),
            new Target(
                    "6",
                    "dedupe",
                    "dupe-check",
                    "real-time duplicate check p99 ≤ 20 ms server time at 1M",
                    "server-p99",
                    20),
            new Target(
                    "6",
                    "dedupe",
                    "lead-intake",
                    "intake → dedupe → assignment p99 ≤ 50 ms server time",
                    "server-p99",
                    50),
            new Target("6", "dedupe", "lead-intake", "≥ 300 intakes/s sustained", "throughput", 300));

    double value(Measurement measurement) {
        return switch (metric) {
            case "p95" -> measurement.p95();
            case "p99" -> measurement.p99();
            case "server-p99" ->
                measurement.server() == null ? Double.NaN : measurement.server().p99();
            default -> measurement.throughput();
        };
    }

    boolean met(Measurement measurement) {
        return metric.equals("throughput") ? value(measurement) >= limit : value(measurement) <= limit;
    }

    static Optional<Measurement> find(List<Measurement> measurements, String scenario) {
        return measurements.stream().filter(m -> m.name().equals(scenario)).findFirst();
    }
}
