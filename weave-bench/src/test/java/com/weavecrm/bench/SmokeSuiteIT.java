package com.weavecrm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.weavecrm.bench.data.ScaleFactor;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The harness end to end at SF0.01, as CI's smoke run: the real server jar started as the README
 * runs it, a generated tenant, every scenario and baseline, the report. No timing is asserted —
 * benchmarks never fail a build on time — only that everything ran, without errors, on the data
 * the generator promised; and that the generator refuses or rolls back instead of leaving a half
 * tenant.
 */
class SmokeSuiteIT {

    private static final Path SERVER_JAR = Path.of("../weave-server/target/weave-server.jar");

    @TempDir
    Path work;

    @Test
    void theSmokeSuiteRunsEveryScenarioAgainstGeneratedDataAndWritesTheReport() throws Exception {
        Path dataDir = work.resolve("data");
        Path out = work.resolve("results");
        int port = freePort();

        Path markdown = Suite.run(Options.parse(new String[] {
            "--name",
            "smoke",
            "--data-dir",
            dataDir.toString(),
            "--jar",
            SERVER_JAR.toString(),
            "--out",
            out.toString(),
            "--port",
            String.valueOf(port)
        }));

        JsonNode report = ServerApi.JSON.readTree(
                Path.of(markdown.toString().replace(".md", ".json")).toFile());
        ScaleFactor expected = ScaleFactor.of(0.01);
        assertThat(report.at("/data/rows/customer").asLong()).isEqualTo(expected.customers());
        assertThat(report.at("/data/rows/activity").asLong()).isEqualTo(expected.activities());
        assertThat(report.at("/data/rows/contact").asLong()).isEqualTo(expected.contacts());
        assertThat(report.at("/data/plantedDuplicates").asInt()).isBetween(150, 450);
        assertThat(report.at("/database/rows/r_store").asLong()).isEqualTo(expected.stores());
        List<JsonNode> scenarios = report.get("scenarios").valueStream().toList();
        assertThat(scenarios)
                .extracting(s -> s.get("name").asString())
                .containsAll(SuiteSpec.named("smoke").scenarios());
        for (JsonNode scenario : scenarios) {
            assertThat(scenario.get("requests").asLong())
                    .as(scenario.get("name").asString())
                    .isPositive();
            assertThat(scenario.get("errors").asLong())
                    .as(scenario.get("name") + ": " + scenario.path("firstError"))
                    .isZero();
        }
        assertThat(report.get("baselines").propertyNames())
                .containsExactlyInAnyOrder("customer-360", "list-store-first-page", "read", "create", "update");
        assertThat(report.get("ratios").get("read").asDouble()).isPositive();
        assertThat(Files.readString(markdown)).contains("| customer-360 |", "issue 4: customer 360 p99");
        List<String> duplicates = Files.readAllLines(out.resolve("smoke-planted-duplicates.csv"));
        assertThat(duplicates).first().isEqualTo("duplicate_cid,original_cid");
        assertThat(duplicates).hasSize(report.at("/data/plantedDuplicates").asInt() + 1);

        // a second run reuses the data; the generator refuses a tenant with records unless told to replace,
        // and a load that fails half-way leaves the tenant as it was
        try (ServerProcess server = ServerProcess.start(SERVER_JAR, dataDir, port, Suite.ADMIN_PASSWORD)) {
            String jdbc = Database.jdbcUrlOf(dataDir);
            long before = customers(jdbc);
            assertThatThrownBy(() -> Generate.generate(settings(server, jdbc, false, out)))
                    .hasMessageContaining("already has records")
                    .hasMessageContaining("--replace");
            String failingJdbc = jdbc + "&options=-c%20statement_timeout%3D300";
            assertThatThrownBy(() -> Generate.generate(settings(server, failingJdbc, true, out)))
                    .hasMessageContaining("statement timeout");
            assertThat(customers(jdbc)).isEqualTo(before);
        }
    }

    private static Generate.Settings settings(ServerProcess server, String jdbc, boolean replace, Path out) {
        return new Generate.Settings(
                server.base(),
                Suite.ADMIN_PASSWORD,
                jdbc,
                "smoke",
                ScaleFactor.of(0.01),
                7,
                Instant.parse("2026-01-01T00:00:00Z"),
                replace,
                out);
    }

    private static long customers(String jdbc) throws Exception {
        try (Connection db = Database.connect(jdbc);
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from t_smoke.r_customer")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
