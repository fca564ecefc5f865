package com.weavecrm.bench;

import com.weavecrm.bench.data.ScaleFactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code suite --name sf1}: starts the server as the README runs it, generates the suite's tenant
 * (or reuses it when a previous run of the same suite generated it in the same data directory), runs
 * every scenario followed by its same-run baseline, and writes the report.
 */
final class Suite {

    static final String ADMIN_PASSWORD = "Bench-Admin-2026!";

    private Suite() {}

    static Path run(Options options) throws Exception {
        SuiteSpec spec = SuiteSpec.named(options.require("name")).with(options);
        Path dataDir = Path.of(options.get("data-dir", "bench-data/" + spec.name()));
        Path jar = Path.of(options.get("jar", "weave-server/target/weave-server.jar"));
        Path out = Path.of(options.get("out", "bench-results"));
        int port = options.getInt("port", 18300);
        boolean regenerate = Boolean.parseBoolean(options.get("regenerate", "false"));
        System.out.printf("suite %s: data in %s, server %s on port %d%n", spec.name(), dataDir, jar, port);
        List<String> loadBefore = Machine.loadAverage();
        try (ServerProcess server = options.get("base", null) != null
                ? ServerProcess.attach(
                        options.get("base", null), dataDir, Long.parseLong(options.require("server-pid")))
                : ServerProcess.start(jar, dataDir, port, ADMIN_PASSWORD)) {
            String jdbc = Database.jdbcUrlOf(dataDir);
            Map<String, Object> data = ensureData(spec, server, jdbc, out, regenerate);
            ServerApi api = ServerApi.login(server.base(), spec.tenant(), "admin", ADMIN_PASSWORD);
            Samples samples;
            try (Connection db = Database.connect(jdbc)) {
                samples = Samples.read(db, Database.tenant(db, spec.tenant()), spec.scale() >= 0.1);
            }
            if (spec.name().equals("dedupe")) {
                // the first scan also files every generated customer under its keys (the generator writes
                // rows with COPY, around the product); the second is the scan alone
                data.put("firstScan", ScanTiming.measure(api));
                data.put("secondScan", ScanTiming.measure(api));
            }
            if (spec.name().equals("dedupe")) {
                try (Connection db = Database.connect(jdbc)) {
                    data.put("deadlineTimers", TimerLag.measure(db, samples));
                }
            }
            Map<String, LoadRunner.ClientFactory> scenarios = new Scenarios(
                            api,
                            samples,
                            Map.of("tenant", spec.tenant(), "username", "admin", "password", ADMIN_PASSWORD))
                    .all();
            Map<String, LoadRunner.ClientFactory> baselines = new Baselines(jdbc, samples).all();
            LoadRunner.Load load =
                    new LoadRunner.Load(spec.clients(), spec.warmup(), spec.duration(), spec.maxRequests());
            List<Measurement> product = new ArrayList<>();
            Map<String, Measurement> baseline = new LinkedHashMap<>();
            ServerStats gc;
            try (Http metrics = new Http(server.base(), null, 1)) {
                java.util.function.Supplier<ServerReading> reading =
                        () -> ServerReading.read(server.pid(), dataDir, metrics);
                // the JIT compiles every path before anything is measured: each scenario once, unrecorded
                LoadRunner.Load warmUp =
                        new LoadRunner.Load(spec.clients(), Duration.ZERO, spec.warmup(), spec.maxRequests());
                for (String name : spec.scenarios()) {
                    LoadRunner.run("warm-up " + name, warmUp, scenarios.get(scenarioOf(name)), reading);
                }
                // slow requests of the warm-up (a search can take seconds) end before anything is measured
                Thread.sleep(spec.warmup());
                ServerStats before = ServerStats.read(server.pid());
                for (String name : spec.scenarios()) {
                    if (name.contains("@")) {
                        product.add(LoadRunner.run(name, atRate(spec, name), scenarios.get(scenarioOf(name)), reading));
                        continue;
                    }
                    product.add(LoadRunner.run(name, load, scenarios.get(name), reading));
                    if (baselines.containsKey(name)) {
                        baseline.put(name, LoadRunner.run(name + " (baseline)", load, baselines.get(name), reading));
                    }
                }
                gc = ServerStats.read(server.pid()).since(before);
            }
            Map<String, Object> database;
            try (Connection db = Database.connect(jdbc)) {
                database = Machine.database(db, samples.schema());
            }
            Report report = new Report(
                    spec, Instant.now(), Machine.describe(loadBefore), database, data, product, baseline, gc);
            return report.write(out);
        }
    }

    /** {@code customer-360@300} is the scenario {@code customer-360}. */
    private static String scenarioOf(String name) {
        return name.contains("@") ? name.substring(0, name.indexOf('@')) : name;
    }

    /** {@code customer-360@300}: 300 requests a second, open model, up to four times the suite's clients at once. */
    private static LoadRunner.Load atRate(SuiteSpec spec, String name) {
        return new LoadRunner.Load(
                spec.clients() * 4,
                spec.warmup(),
                spec.duration(),
                spec.maxRequests(),
                Double.parseDouble(name.substring(name.indexOf('@') + 1)));
    }

    /** Generates the suite's tenant unless this data directory already holds it at the same scale. */
    private static Map<String, Object> ensureData(
            SuiteSpec spec, ServerProcess server, String jdbc, Path out, boolean regenerate) throws Exception {
        Path marker = server.dataDir().resolve("generated-" + spec.tenant() + ".json");
        if (!regenerate && Files.exists(marker)) {
            JsonNode previous = ServerApi.JSON.readTree(marker.toFile());
            if (previous.path("scale").asDouble() == spec.scale()) {
                System.out.println("reusing the data generated on "
                        + previous.path("generatedAt").asString());
                Map<String, Object> reused = ServerApi.JSON.convertValue(previous, Map.class);
                reused.put("reused", true);
                return reused;
            }
        }
        Generate.Settings settings = new Generate.Settings(
                server.base(),
                ADMIN_PASSWORD,
                jdbc,
                spec.tenant(),
                ScaleFactor.of(spec.scale()),
                42,
                LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC),
                true,
                out);
        var result = Generate.generate(settings);
        Map<String, Object> generated = new LinkedHashMap<>();
        generated.put("scale", spec.scale());
        generated.put("seed", settings.seed());
        generated.put("generatedAt", Instant.now().toString());
        generated.put("loadSeconds", Math.round(result.seconds() * 10) / 10.0);
        generated.put("rows", result.rows());
        generated.put("plantedDuplicates", result.plantedDuplicates());
        generated.put("steps", result.steps());
        ServerApi.JSON.writerWithDefaultPrettyPrinter().writeValue(marker.toFile(), generated);
        generated.put("reused", false);
        return generated;
    }
}
