package com.weavecrm.bench;

import java.time.Duration;
import java.util.List;

/** A named suite: how much data, which scenarios, how long and with how many clients. */
record SuiteSpec(
        String name,
        double scale,
        String tenant,
        int clients,
        Duration warmup,
        Duration duration,
        long maxRequests,
        List<String> scenarios) {

    /** The records scenarios; search and the mix (which includes search) last, as their slow queries outlast them. */
    private static final List<String> RECORDS = List.of(
            "customer-360",
            "customer-360-heaviest",
            "list-store-first-page",
            "read",
            "create",
            "update",
            "search",
            "store-day-mix");

    static SuiteSpec named(String name) {
        return switch (name) {
            // CI: every scenario once on a small tenant, to prove the harness works end to end (no timing verdict)
            case "smoke" ->
                new SuiteSpec(
                        name,
                        0.01,
                        "smoke",
                        2,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        2_000,
                        concat(RECORDS, "peer-list-count", "dupe-check", "lead-intake", "me", "login", "read@100"));
            // the size the product is designed for: the targets of every issue are read off this one
            case "sf1" ->
                new SuiteSpec(
                        name,
                        1,
                        "sf1",
                        8,
                        Duration.ofSeconds(15),
                        Duration.ofSeconds(30),
                        10_000_000,
                        // and at a steady rate below saturation (open model): the latency a store sees on a busy day
                        concat(RECORDS.subList(0, 6), "customer-360@300", "read@1000", "search", "store-day-mix"));
            // issue 6: a batch scan of the SF1 tenant (timed before the load), then the real-time check and intake
            case "dedupe" ->
                new SuiteSpec(
                        name,
                        1,
                        "sf1",
                        8,
                        Duration.ofSeconds(15),
                        Duration.ofSeconds(30),
                        10_000_000,
                        List.of("dupe-check", "lead-intake", "lead-intake@300"));
            // GUIDE §7: the peer CRM's three operations at 100k customers, 8 clients
            case "peer" ->
                new SuiteSpec(
                        name,
                        0.1,
                        "peer",
                        8,
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(30),
                        10_000_000,
                        List.of("peer-list-count", "read", "create"));
            // issue 3: sign-in latency (Argon2id) and an authenticated request's throughput
            case "foundation" ->
                new SuiteSpec(
                        name,
                        0.01,
                        "smoke",
                        4,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(20),
                        10_000_000,
                        List.of("me", "login"));
            default ->
                throw new IllegalArgumentException("unknown suite " + name + " (smoke, sf1, dedupe, peer, foundation)");
        };
    }

    /** The suite with {@code --clients}, {@code --warmup}, {@code --seconds} or {@code --scenarios} as given. */
    SuiteSpec with(Options options) {
        return new SuiteSpec(
                name,
                scale,
                tenant,
                options.getInt("clients", clients),
                Duration.ofSeconds(options.getInt("warmup", (int) warmup.toSeconds())),
                Duration.ofSeconds(options.getInt("seconds", (int) duration.toSeconds())),
                maxRequests,
                options.get("scenarios", null) == null
                        ? scenarios
                        : List.of(options.get("scenarios", "").split(",")));
    }

    private static List<String> concat(List<String> list, String... more) {
        return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(more))
                .toList();
    }
}
