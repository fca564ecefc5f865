package com.weavecrm.bench;

import com.weavecrm.bench.data.DataGenerator;
import com.weavecrm.bench.data.ScaleFactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code generate}: makes sure the tenant exists (through the API, so it has the product's schema),
 * gives the customer object two custom fields, then loads generated data into it with the
 * {@link DataGenerator}.
 */
final class Generate {

    /** The settings of a generation run. */
    record Settings(
            String base,
            String adminPassword,
            String jdbcUrl,
            String tenant,
            ScaleFactor scale,
            long seed,
            Instant asOf,
            boolean replace,
            Path outputDir) {

        static Settings of(Options options) throws Exception {
            String jdbc = options.get("jdbc", null);
            if (jdbc == null) {
                jdbc = Database.jdbcUrlOf(Path.of(options.require("data-dir")));
            }
            return new Settings(
                    options.get("base", "http://localhost:8080"),
                    options.require("password"),
                    jdbc,
                    options.get("tenant", "sf1"),
                    ScaleFactor.of(Double.parseDouble(options.get("sf", "1"))),
                    Long.parseLong(options.get("seed", "42")),
                    LocalDate.parse(options.get(
                                    "as-of", LocalDate.now(ZoneOffset.UTC).toString()))
                            .atStartOfDay()
                            .toInstant(ZoneOffset.UTC),
                    Boolean.parseBoolean(options.get("replace", "false")),
                    Path.of(options.get("out", "bench-results")));
        }
    }

    private Generate() {}

    static void run(Options options) throws Exception {
        generate(Settings.of(options));
    }

    static DataGenerator.Result generate(Settings settings) throws Exception {
        ensureTenant(settings);
        ServerApi tenant = ServerApi.login(settings.base(), settings.tenant(), "admin", settings.adminPassword());
        ensureCustomFields(tenant);
        Files.createDirectories(settings.outputDir());
        System.out.printf(
                "generating tenant %s at SF%s (%,d rows, seed %d, as of %s)%n",
                settings.tenant(),
                settings.scale().factor(),
                settings.scale().rows(),
                settings.seed(),
                settings.asOf());
        try (Connection db = Database.connect(settings.jdbcUrl())) {
            String schema = Database.tenant(db, settings.tenant()).schema();
            DataGenerator.Result result = new DataGenerator(
                            settings.scale(), settings.seed(), settings.asOf(), System.out)
                    .load(
                            db,
                            schema,
                            settings.replace(),
                            settings.outputDir().resolve(settings.tenant() + "-planted-duplicates.csv"));
            System.out.printf(
                    "loaded %s in %.1f s (%d planted duplicates)%n",
                    result.rows(), result.seconds(), result.plantedDuplicates());
            return result;
        }
    }

    private static void ensureTenant(Settings settings) throws Exception {
        ServerApi platform = ServerApi.login(settings.base(), "default", "admin", settings.adminPassword());
        JsonNode tenants = platform.get("/api/v1/platform/tenants");
        for (JsonNode tenant : tenants.path("data")) {
            if (settings.tenant().equals(tenant.path("slug").asString())) {
                return;
            }
        }
        platform.post(
                "/api/v1/platform/tenants",
                Map.of(
                        "slug",
                        settings.tenant(),
                        "name",
                        "压测租户 " + settings.tenant(),
                        "adminUsername",
                        "admin",
                        "adminPassword",
                        settings.adminPassword()));
    }

    /** A membership level and points on customers: the generated data fills custom fields too. */
    private static void ensureCustomFields(ServerApi tenant) throws Exception {
        JsonNode customer = tenant.get("/api/v1/objects/customer");
        List<String> present = customer.path("fields")
                .valueStream()
                .map(f -> f.path("apiName").asString())
                .toList();
        if (!present.contains("member_level")) {
            tenant.post(
                    "/api/v1/objects/customer/fields",
                    Map.of(
                            "apiName",
                            "member_level",
                            "label",
                            Map.of("zh-CN", "会员等级", "en", "Membership level"),
                            "type",
                            "picklist",
                            "values",
                            List.of(
                                    value("regular", "普通会员", "Regular", "#6c757d"),
                                    value("silver", "银卡", "Silver", "#adb5bd"),
                                    value("gold", "金卡", "Gold", "#ffc107"),
                                    value("diamond", "钻石卡", "Diamond", "#0dcaf0"))));
        }
        if (!present.contains("points")) {
            tenant.post(
                    "/api/v1/objects/customer/fields",
                    Map.of("apiName", "points", "label", Map.of("zh-CN", "积分", "en", "Points"), "type", "integer"));
        }
    }

    private static Map<String, Object> value(String value, String zh, String en, String color) {
        return Map.of("value", value, "label", Map.of("zh-CN", zh, "en", en), "color", color);
    }
}
