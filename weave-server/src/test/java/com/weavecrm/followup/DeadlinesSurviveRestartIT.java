package com.weavecrm.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.WeaveApplication;
import com.weavecrm.platform.organisation.TenantAdministration;
import com.weavecrm.platform.security.PasswordHasher;
import com.weavecrm.platform.tenancy.NewTenant;
import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import com.weavecrm.support.TestClock;
import com.weavecrm.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Nothing important lives only in memory: a follow-up deadline set before the application stops is
 * escalated by the next application on the same database once its time has come. Two application
 * contexts one after the other on one data directory — the second starts the same embedded PostgreSQL
 * again (or uses the same external database) and serves on a port of its own.
 */
class DeadlinesSurviveRestartIT {

    private static final String POLICIES = "/api/v1/follow-up/policies";

    static {
        WeaveApplication.quietJooq();
    }

    @Test
    void aDeadlineSetBeforeARestartIsEscalatedByTheNextApplication() throws Exception {
        Path dataDir =
                Files.createDirectories(Path.of("target", "it-data", "restart").toAbsolutePath());
        String slug = "r" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36);
        String lead;
        String managerId;
        int firstPort;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            firstPort = port(first);
            assertThat(dataDir.resolve("postgres")).isDirectory();
            first.getBean(TenantAdministration.class)
                    .create(new NewTenant(
                            slug,
                            "重启测试 " + slug,
                            "admin",
                            first.getBean(PasswordHasher.class).hash(IntegrationTest.PASSWORD)));
            ApiClient admin = login(first, slug, "admin");
            ApiClient.Response policy = admin.post(
                    POLICIES, ApiClient.map("name", "48 小时跟进", "followUpHours", 48, "onBreach", "reassign_to_manager"));
            assertThat(policy.status()).as(policy.text()).isEqualTo(201);
            managerId = user(admin, "manager", null);
            user(admin, "clerk", managerId);
            ApiClient clerk = login(first, slug, "clerk");
            ApiClient.Response intake = clerk.post(
                    "/api/v1/leads/intake", ApiClient.map("name", "韩梅", "phone", "13812349901", "channel", "官网表单"));
            assertThat(intake.status()).as(intake.text()).isEqualTo(201);
            lead = intake.string("leadId");
            assertThat(deadlines(admin, lead))
                    .extracting(d ->
                            d.path("kind").asString() + ":" + d.path("status").asString())
                    .containsExactly("follow_up:pending");
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            assertThat(second.isActive()).isTrue();
            TestClock clock = second.getBean(TestClock.class);
            clock.advance(Duration.ofHours(49));
            ApiClient admin = login(second, slug, "admin");
            List<JsonNode> after = waitFor(
                    admin,
                    lead,
                    ds -> ds.stream().anyMatch(d -> d.path("status").asString().equals("breached")));

            assertThat(after).anySatisfy(d -> {
                assertThat(d.path("kind").asString()).isEqualTo("follow_up");
                assertThat(d.path("status").asString()).isEqualTo("breached");
                assertThat(d.path("outcome").asString()).isEqualTo("reassigned to " + managerId);
            });
            assertThat(admin.get("/api/v1/objects/lead/records/" + lead).string("ownerId"))
                    .isEqualTo(managerId);
            assertThat(admin.get("/api/v1/audit?object=lead&recordId=" + lead + "&action=deadline_breach")
                            .json()
                            .path("data")
                            .size())
                    .isEqualTo(1);
            String inbox =
                    login(second, slug, "manager").get("/api/v1/notifications").text();
            assertThat(inbox).contains("sla_breach", "lead_assigned", "/records/lead/" + lead);
            assertThat(port(second)).as("a server of its own").isNotEqualTo(8080);
            assertThat(firstPort).isNotEqualTo(8080);
        }
    }

    /**
     * The whole product, as the integration tests configure it, on a free port. Command-line arguments,
     * so that they win over the product's own configuration (default properties would not).
     */
    private static ConfigurableApplicationContext start(Path dataDir) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--weave.data-dir=" + dataDir,
                "--weave.admin-password=" + IntegrationTest.ADMIN_PASSWORD,
                "--weave.security.argon2-memory-kib=1024",
                "--weave.security.argon2-iterations=1",
                "--weave.security.max-failures-per-address=100000",
                "--logging.file.name=",
                "--db-scheduler.polling-interval=1s"));
        if (TestDatabase.isExternal()) {
            // a database of its own: the suite's application (another clock) must not run this one's timers
            args.add("--spring.datasource.url=" + TestDatabase.externalUrl("restart"));
        }
        return new SpringApplicationBuilder(WeaveApplication.class, TestClock.Configuration.class)
                .run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static ApiClient login(ConfigurableApplicationContext context, String slug, String username) {
        ApiClient anonymous = new ApiClient("http://localhost:" + port(context), null);
        ApiClient.Response response = anonymous.post(
                "/api/v1/auth/login",
                ApiClient.map("tenant", slug, "username", username, "password", IntegrationTest.PASSWORD));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return anonymous.as(response.string("token"));
    }

    private static String user(ApiClient admin, String username, String managerId) {
        ApiClient.Response created = admin.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username",
                        username,
                        "displayName",
                        username,
                        "password",
                        IntegrationTest.PASSWORD,
                        "roles",
                        List.of("sales"),
                        "managerId",
                        managerId));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.string("id");
    }

    private static List<JsonNode> deadlines(ApiClient client, String lead) {
        ApiClient.Response response = client.get("/api/v1/leads/" + lead + "/deadlines");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        response.json().path("data").forEach(list::add);
        return list;
    }

    private static List<JsonNode> waitFor(ApiClient client, String lead, Predicate<List<JsonNode>> done)
            throws InterruptedException {
        Instant until = Instant.now().plusSeconds(60);
        List<JsonNode> now = deadlines(client, lead);
        while (!done.test(now) && Instant.now().isBefore(until)) {
            Thread.sleep(250);
            now = deadlines(client, lead);
        }
        return now;
    }
}
