package com.weavecrm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report of a suite run: {@code bench-results/<date>-<suite>.json} with every figure, and a
 * Markdown table of the same for people (and for {@code docs/performance.md}).
 */
record Report(
        SuiteSpec spec,
        Instant finishedAt,
        Map<String, Object> machine,
        Map<String, Object> database,
        Map<String, Object> data,
        List<Measurement> product,
        Map<String, Measurement> baseline,
        ServerStats gc) {

    private static final DateTimeFormatter FILE_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm").withZone(ZoneOffset.UTC);

    Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        String stem = FILE_DATE.format(finishedAt) + "-" + spec.name();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("suite", spec);
        json.put("finishedAt", finishedAt.toString());
        json.put("machine", machine);
        json.put("database", database);
        json.put("data", data);
        json.put("scenarios", product);
        json.put("baselines", baseline);
        json.put("ratios", ratios());
        json.put("serverGc", gc);
        ServerApi.JSON
                .writerWithDefaultPrettyPrinter()
                .writeValue(directory.resolve(stem + ".json").toFile(), json);
        Path markdown = directory.resolve(stem + ".md");
        Files.writeString(markdown, markdown(), StandardCharsets.UTF_8);
        System.out.println("report: " + markdown + " and " + stem + ".json");
        return markdown;
    }

    /** Product throughput as a share of the baseline's, per scenario that has a baseline. */
    Map<String, Double> ratios() {
        Map<String, Double> ratios = new LinkedHashMap<>();
        for (Measurement measurement : product) {
            Measurement base = baseline.get(measurement.name());
            if (base != null && base.throughput() > 0) {
                ratios.put(
                        measurement.name(), Math.round(1000 * measurement.throughput() / base.throughput()) / 1000.0);
            }
        }
        return ratios;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark `")
                .append(spec.name())
                .append("` — ")
                .append(finishedAt)
                .append("\n\n");
        md.append(String.format(
                "Machine: %s cores (%s), %s GB, %s; %s; server `java %s`; load average %s before, %s after.%n%n",
                machine.get("cores"),
                machine.get("cpu"),
                machine.get("memoryGb"),
                machine.get("os"),
                machine.get("java"),
                machine.get("serverJvmFlags"),
                machine.get("loadAverageBefore"),
                machine.get("loadAverageAfter")));
        md.append(String.format(
                "Database: PostgreSQL %s (embedded), shared_buffers %s, %s on disk; rows %s.%n%n",
                database.get("postgres"), database.get("sharedBuffers"), database.get("size"), database.get("rows")));
        md.append(String.format(
                "Data: scale factor %s, seed %s, %s in %s s%s; %s planted duplicates.%n%n",
                data.get("scale"),
                data.get("seed"),
                Boolean.TRUE.equals(data.get("reused")) ? "generated earlier" : "generated and loaded",
                data.get("loadSeconds"),
                Boolean.TRUE.equals(data.get("reused")) ? " (reused)" : "",
                data.get("plantedDuplicates")));
        md.append(String.format(
                "Load: %d clients per scenario on the same machine, %d s warm-up, then %d s or %,d requests. Latencies are"
                        + " as the harness saw them; *server p99* is the server's own request time (its"
                        + " `http.server.requests` histogram); CPU is per request, of the server's JVM, of PostgreSQL and of"
                        + " the harness, which share the cores. A scenario named `name@N` runs at N requests a second"
                        + " (open model; each latency counts from when its request was due), the others with the"
                        + " clients sending back to back (closed model, the server saturated).%n%n",
                spec.clients(), spec.warmup().toSeconds(), spec.duration().toSeconds(), spec.maxRequests()));
        md.append(
                "| scenario | req/s | p50 ms | p95 ms | p99 ms | max ms | server p99 ms | errors"
                        + " | CPU ms/req server · PostgreSQL · harness | baseline req/s | baseline p99 ms | product / baseline |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|\n");
        Map<String, Double> ratios = ratios();
        for (Measurement m : product) {
            Measurement base = baseline.get(m.name());
            md.append(String.format(
                    "| %s | %.0f | %.1f | %.1f | %.1f | %.1f | %s | %d | %s | %s | %s | %s |%n",
                    m.name(),
                    m.throughput(),
                    m.p50(),
                    m.p95(),
                    m.p99(),
                    m.max(),
                    m.server() == null ? "—" : String.format("%.1f", m.server().p99()),
                    m.errors(),
                    String.format(
                            "%.2f · %.2f · %.2f",
                            m.cpu().server(), m.cpu().postgres(), m.cpu().harness()),
                    base == null ? "—" : String.format("%.0f", base.throughput()),
                    base == null ? "—" : String.format("%.1f", base.p99()),
                    ratios.containsKey(m.name()) ? String.format("%.0f %%", 100 * ratios.get(m.name())) : "—"));
        }
        md.append("\n| target | measured | verdict |\n|---|---:|---|\n");
        for (Target target : Target.ALL) {
            Optional<Measurement> measured = Target.find(product, target.scenario());
            String verdict = !target.suite().equals(spec.name())
                    ? "(the " + target.suite() + " suite decides)"
                    : measured.map(m -> target.met(m) ? "met" : "**missed**").orElse("not run");
            md.append(String.format(
                    "| issue %s: %s | %s | %s |%n",
                    target.issue(),
                    target.description(),
                    measured.map(m -> String.format("%.1f", target.value(m))).orElse("not run"),
                    verdict));
        }
        md.append(String.format(
                "%nServer GC during the scenarios: %d young collections (%.2f s), %d full collections (%.2f s), concurrent %.2f s;"
                        + " heap in use at the end %.0f MB (old generation %.0f MB).%n",
                gc.youngCollections(),
                gc.youngSeconds(),
                gc.fullCollections(),
                gc.fullSeconds(),
                gc.concurrentSeconds(),
                gc.heapUsedMb(),
                gc.oldUsedMb()));
        product.stream()
                .filter(m -> m.firstError() != null)
                .forEach(m -> md.append(String.format("%nFirst error of %s: `%s`%n", m.name(), m.firstError())));
        return md.toString();
    }
}
