package com.weavecrm.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Public pools over HTTP: settings, reclaim on a moved clock, claims, limits, returns, audit, tenants. */
class PublicPoolIT extends IntegrationTest {

    private static final String LEAD_CONDITION = "status in [\"new\", \"contacted\"]";

    @Test
    void administratorsKeepPoolsAndNobodyElseMay() {
        TestTenant tenant = newTenant();
        ApiClient admin = tenant.admin();
        PoolFixture fx = new PoolFixture(admin);
        fx.clerkRole("pool_clerk");
        fx.user("clerk", "pool_clerk", null);
        fx.user("guest", "observer", null);

        ApiClient.Response bad = admin.post(
                PoolFixture.POOLS, ApiClient.map("name", "", "object", "deal", "inactiveDays", 0, "nonsense", 1));
        assertThat(bad.isProblem(400)).as(bad.text()).isTrue();
        assertThat(bad.fieldErrors())
                .contains(
                        "name:required", "object:invalid_value", "inactiveDays:out_of_range", "nonsense:unknown_field");
        for (String condition : List.of("status ==", "colour == \"red\"", "status + 1")) {
            ApiClient.Response invalid = admin.post(
                    PoolFixture.POOLS,
                    ApiClient.map("name", "线索公海", "object", "lead", "condition", condition, "inactiveDays", 30));
            assertThat(invalid.isProblem(400)).as(condition).isTrue();
            assertThat(invalid.fieldErrors()).as(condition).anyMatch(e -> e.startsWith("condition:"));
        }
        ApiClient.Response unknownRole = admin.post(
                PoolFixture.POOLS,
                ApiClient.map("name", "线索公海", "object", "lead", "inactiveDays", 30, "claimRoles", List.of("nobody")));
        assertThat(unknownRole.fieldErrors()).containsExactly("claimRoles:unknown_role");
        assertThat(admin.get(PoolFixture.POOLS).json().path("data").size()).isZero();

        String id = fx.pool(ApiClient.map(
                "name",
                "线索公海",
                "object",
                "lead",
                "condition",
                LEAD_CONDITION,
                "inactiveDays",
                30,
                "dailyClaimLimit",
                2,
                "claimRoles",
                List.of("pool_clerk")));
        JsonNode created = admin.get(PoolFixture.POOLS + "/" + id).json();
        assertThat(created.get("condition").asString()).isEqualTo(LEAD_CONDITION);
        assertThat(created.get("previousOwnerWaitDays").asInt()).isZero();
        assertThat(created.get("active").asBoolean()).isTrue();
        assertThat(created.get("recordCount").asInt()).isZero();
        assertThat(admin.post(PoolFixture.POOLS, ApiClient.map("name", "线索公海", "object", "lead", "inactiveDays", 9))
                        .isProblem(409))
                .isTrue();

        String path = PoolFixture.POOLS + "/" + id;
        assertThat(admin.send("PATCH", path, ApiClient.map("dailyClaimLimit", 3), Map.of("If-Match", "7"))
                        .isProblem(409))
                .isTrue();
        ApiClient.Response patched =
                admin.send("PATCH", path, ApiClient.map("dailyClaimLimit", 3), Map.of("If-Match", "1"));
        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(patched.json().get("version").asInt()).isEqualTo(2);
        assertThat(patched.json().get("condition").asString()).isEqualTo(LEAD_CONDITION);
        assertThat(admin.patch(path, ApiClient.map("object", "customer")).fieldErrors())
                .containsExactly("object:immutable");
        assertThat(admin.patch(path, ApiClient.map("condition", "nope ==")).fieldErrors())
                .allMatch(e -> e.startsWith("condition:"));

        ApiClient clerk = login(tenant.slug(), "clerk", PASSWORD);
        assertThat(clerk.post(PoolFixture.POOLS, ApiClient.map("name", "x", "object", "lead", "inactiveDays", 1))
                        .isProblem(403))
                .isTrue();
        assertThat(clerk.patch(path, ApiClient.map("dailyClaimLimit", 100)).isProblem(403))
                .isTrue();
        assertThat(clerk.delete(path).isProblem(403)).isTrue();
        assertThat(clerk.post(path + "/reclaim-now", null).isProblem(403)).isTrue();
        assertThat(clerk.get(path).status()).isEqualTo(200);
        assertThat(clerk.get(path).json().get("claimsLeftToday").asInt()).isEqualTo(3);

        ApiClient guest = login(tenant.slug(), "guest", PASSWORD);
        assertThat(guest.get(path).isProblem(404)).isTrue();
        assertThat(guest.get(PoolFixture.POOLS).json().path("data").size()).isZero();

        ApiClient stranger = newTenant().admin();
        assertThat(stranger.get(path).isProblem(404)).isTrue();
        assertThat(stranger.get(path + "/records").isProblem(404)).isTrue();
        assertThat(stranger.patch(path, ApiClient.map("dailyClaimLimit", 1)).isProblem(404))
                .isTrue();
        assertThat(stranger.delete(path).isProblem(404)).isTrue();
        assertThat(stranger.post(path + "/reclaim-now", null).isProblem(404)).isTrue();

        assertThat(admin.delete(path).status()).isEqualTo(204);
        assertThat(admin.get(path).isProblem(404)).isTrue();
        List<String> actions = admin.get("/api/v1/audit?object=pool").json().path("data").values().stream()
                .map(e -> e.path("action").asString())
                .toList();
        assertThat(actions).contains("create", "update", "delete");

        JsonNode docs = anonymous().get("/v3/api-docs").json();
        assertThat(docs.path("paths").has("/api/v1/pools/{id}/records/{recordId}/claim"))
                .isTrue();
        assertThat(docs.path("paths").has("/api/v1/pools/{id}/reclaim-now")).isTrue();
        assertThat(docs.path("components").path("schemas").has("PoolInput")).isTrue();
    }

    @Test
    void theReclaimTakesBackOnlyInactiveRecordsThatMeetTheCondition() {
        TestTenant tenant = newTenant();
        PoolFixture fx = new PoolFixture(tenant.admin());
        fx.clerkRole("pool_clerk");
        String seller = fx.user("seller", "pool_clerk", null);
        String quiet = fx.create("customer", "name", "沉默客户", "ownerId", seller);
        String busy = fx.create("customer", "name", "活跃客户", "ownerId", seller);
        String later = OffsetDateTime.now(ZoneOffset.UTC).plusDays(35).toString();
        fx.create("activity", "customerId", busy, "kind", "call", "subject", "回访", "occurredAt", later);
        String idle = fx.create("lead", "name", "闲置线索", "status", "new", "customerId", quiet, "ownerId", seller);
        String converted = fx.create("lead", "name", "已转化线索", "status", "converted", "ownerId", seller);
        String touched =
                fx.create("lead", "name", "跟进中线索", "status", "contacted", "customerId", busy, "ownerId", seller);
        String leads = fx.pool(
                ApiClient.map("name", "线索公海", "object", "lead", "condition", LEAD_CONDITION, "inactiveDays", 30));
        String slow = fx.pool(ApiClient.map("name", "慢公海", "object", "lead", "inactiveDays", 60));
        String customers = fx.pool(ApiClient.map("name", "客户公海", "object", "customer", "inactiveDays", 30));
        assertThat(fx.reclaim(leads)).isZero();

        clock.advance(Duration.ofDays(40));
        try {
            // tokens live 12 hours of the product's clock: sign in again after moving it
            fx = new PoolFixture(login(tenant.slug(), "admin", PASSWORD));
            assertThat(fx.reclaim(leads)).isEqualTo(1);
            assertThat(fx.reclaim(slow)).isZero();
            assertThat(fx.reclaim(customers)).isEqualTo(1);
            assertThat(fx.owner("lead", idle)).isNull();
            assertThat(fx.owner("lead", converted)).isEqualTo(seller);
            assertThat(fx.owner("lead", touched)).isEqualTo(seller);
            assertThat(fx.owner("customer", quiet)).isNull();
            assertThat(fx.owner("customer", busy)).isEqualTo(seller);
            assertThat(PoolFixture.pooledIds(fx.admin(), leads)).containsExactly(idle);
            assertThat(PoolFixture.pooledIds(fx.admin(), customers)).containsExactly(quiet);
            assertThat(fx.reclaim(leads)).isZero();

            assertThat(fx.audited("pool_reclaim")).contains(idle, quiet).doesNotContain(converted, touched, busy);
            JsonNode history = fx.admin()
                    .get(PoolFixture.records("lead") + "/" + idle + "/history")
                    .json()
                    .path("data");
            JsonNode reclaim = history.values().stream()
                    .filter(e -> e.path("action").asString().equals("pool_reclaim"))
                    .findFirst()
                    .orElseThrow();
            assertThat(reclaim.path("changes").get(0).path("field").asString()).isEqualTo("ownerId");
            assertThat(reclaim.path("changes").get(0).path("old").asString()).isEqualTo(seller);
            assertThat(reclaim.path("actorId").isNull()).isTrue();
            JsonNode entry = fx.admin()
                    .get(PoolFixture.POOLS + "/" + leads + "/records")
                    .json()
                    .path("data")
                    .get(0);
            assertThat(entry.path("reason").asString()).isEqualTo("inactive");
            assertThat(entry.path("previousOwnerId").asString()).isEqualTo(seller);
        } finally {
            clock.reset();
        }
    }

    @Test
    void clerksClaimWithinTheirLimitOneAtATimeAndReturnTheirOwn() throws Exception {
        TestTenant tenant = newTenant();
        PoolFixture fx = new PoolFixture(tenant.admin());
        fx.clerkRole("pool_clerk");
        String a = fx.user("xiaoli", "pool_clerk", null);
        String b = fx.user("xiaowang", "pool_clerk", null);
        fx.user("xiaozhao", "pool_clerk", null);
        fx.user("xiaosun", "pool_clerk", null);
        fx.user("guest", "observer", null);
        List<String> leads = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            leads.add(fx.create("lead", "name", "公海线索" + i, "status", "new", "campaign", "春季", "ownerId", a));
        }
        String adminLead = fx.create("lead", "name", "管理员的线索", "status", "new");
        String pool = fx.pool(ApiClient.map(
                "name",
                "线索公海",
                "object",
                "lead",
                "inactiveDays",
                7,
                "dailyClaimLimit",
                2,
                "previousOwnerWaitDays",
                3,
                "claimRoles",
                List.of("pool_clerk")));

        clock.advance(Duration.ofDays(10));
        try {
            fx = new PoolFixture(login(tenant.slug(), "admin", PASSWORD));
            ApiClient clerkA = login(tenant.slug(), "xiaoli", PASSWORD);
            ApiClient clerkB = login(tenant.slug(), "xiaowang", PASSWORD);
            ApiClient clerkC = login(tenant.slug(), "xiaozhao", PASSWORD);
            ApiClient clerkD = login(tenant.slug(), "xiaosun", PASSWORD);
            ApiClient guest = login(tenant.slug(), "guest", PASSWORD);
            assertThat(fx.reclaim(pool)).isEqualTo(6);
            String l1 = leads.get(0);
            assertThat(clerkB.get(PoolFixture.records("lead") + "/" + l1).isProblem(404))
                    .isTrue();
            ApiClient.Response listed = clerkB.get(PoolFixture.POOLS + "/" + pool + "/records");
            assertThat(listed.status()).as(listed.text()).isEqualTo(200);
            assertThat(listed.json().path("data").size()).isEqualTo(6);
            assertThat(listed.json().path("claimsLeftToday").asInt()).isEqualTo(2);
            JsonNode first = listed.json().path("data").get(0).path("record");
            assertThat(first.has("name")).isTrue();
            assertThat(first.has("campaign")).isFalse();
            assertThat(first.get("ownerId").isNull()).isTrue();

            ApiClient.Response claimed = PoolFixture.claim(clerkB, pool, l1);
            assertThat(claimed.status()).as(claimed.text()).isEqualTo(200);
            assertThat(claimed.string("ownerId")).isEqualTo(b);
            assertThat(claimed.json().has("campaign")).isFalse();
            assertThat(clerkB.get(PoolFixture.records("lead") + "/" + l1).status())
                    .isEqualTo(200);
            assertThat(clerkB.get(PoolFixture.records("lead")).text()).contains(l1);
            ApiClient.Response again = PoolFixture.claim(clerkC, pool, l1);
            assertThat(again.isProblem(409)).as(again.text()).isTrue();
            assertThat(again.string("type")).endsWith("/pool_claimed");

            ApiClient.Response previous = PoolFixture.claim(clerkA, pool, leads.get(1));
            assertThat(previous.isProblem(422)).as(previous.text()).isTrue();
            assertThat(previous.string("type")).endsWith("/pool_previous_owner");
            assertThat(PoolFixture.claim(clerkB, pool, leads.get(1)).status()).isEqualTo(200);
            ApiClient.Response limited = PoolFixture.claim(clerkB, pool, leads.get(2));
            assertThat(limited.isProblem(422)).as(limited.text()).isTrue();
            assertThat(limited.string("type")).endsWith("/pool_daily_limit");
            assertThat(limited.fieldErrors()).containsExactly("dailyClaimLimit:limit_reached");
            assertThat(clerkB.get(PoolFixture.POOLS + "/" + pool)
                            .json()
                            .get("claimsLeftToday")
                            .asInt())
                    .isZero();
            assertThat(fx.owner("lead", leads.get(2))).isNull();

            assertThat(guest.get(PoolFixture.POOLS + "/" + pool + "/records").isProblem(404))
                    .isTrue();
            assertThat(PoolFixture.claim(guest, pool, leads.get(3)).isProblem(404))
                    .isTrue();
            assertThat(PoolFixture.claim(clerkC, pool, "0193a5b0-0000-7000-8000-000000000000")
                            .isProblem(404))
                    .isTrue();

            List<Integer> statuses = claimAtOnce(List.of(clerkC, clerkD), pool, leads.get(3));
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);

            ApiClient.Response returned = clerkB.post(
                    PoolFixture.POOLS + "/" + pool + "/return",
                    ApiClient.map("object", "lead", "recordIds", List.of(l1), "reason", "客户暂无需求"));
            assertThat(returned.status()).as(returned.text()).isEqualTo(200);
            assertThat(fx.owner("lead", l1)).isNull();
            assertThat(clerkB.get(PoolFixture.records("lead") + "/" + l1).isProblem(404))
                    .isTrue();
            ApiClient.Response notHis = clerkB.post(
                    PoolFixture.POOLS + "/" + pool + "/return",
                    ApiClient.map("object", "lead", "recordIds", List.of(leads.get(1), leads.get(4))));
            assertThat(notHis.fieldErrors()).containsExactly("recordIds[1]:already_in_pool");
            assertThat(fx.owner("lead", leads.get(1))).isEqualTo(b);
            assertThat(clerkB.post(
                                    PoolFixture.POOLS + "/" + pool + "/return",
                                    ApiClient.map("object", "customer", "recordIds", List.of(leads.get(1))))
                            .fieldErrors())
                    .containsExactly("object:invalid_value");

            assertThat(fx.audited("pool_claim")).contains(l1, leads.get(1), leads.get(3));
            assertThat(fx.audited("pool_return")).contains(l1);

            clock.advance(Duration.ofDays(4));
            fx = new PoolFixture(login(tenant.slug(), "admin", PASSWORD));
            clerkA = login(tenant.slug(), "xiaoli", PASSWORD);
            clerkB = login(tenant.slug(), "xiaowang", PASSWORD);
            assertThat(PoolFixture.claim(clerkA, pool, leads.get(4)).status()).isEqualTo(200);
            assertThat(PoolFixture.claim(clerkB, pool, leads.get(2)).status()).isEqualTo(200);
            assertThat(fx.owner("lead", adminLead)).isNull();
        } finally {
            clock.reset();
        }
    }

    @Test
    void aMissedDeadlineReturnsTheLeadToThePoolWithoutItsDeadlines() throws Exception {
        TestTenant tenant = newTenant();
        PoolFixture fx = new PoolFixture(tenant.admin());
        fx.clerkRole("pool_clerk");
        String clerk = fx.user("xiaoli", "pool_clerk", null);
        String other = fx.user("xiaowang", "pool_clerk", null);
        ApiClient.Response policy = fx.admin()
                .post(
                        "/api/v1/follow-up/policies",
                        ApiClient.map(
                                "name",
                                "首次响应",
                                "firstResponseMinutes",
                                30,
                                "followUpHours",
                                48,
                                "onBreach",
                                "return_to_pool"));
        assertThat(policy.status()).as(policy.text()).isEqualTo(201);
        String pool = fx.pool(ApiClient.map("name", "线索公海", "object", "lead", "inactiveDays", 30));
        ApiClient.Response intake = login(tenant.slug(), "xiaoli", PASSWORD)
                .post("/api/v1/leads/intake", ApiClient.map("name", "孙芬", "phone", "13812345601", "channel", "官网表单"));
        assertThat(intake.status()).as(intake.text()).isEqualTo(201);
        String lead = intake.string("leadId");
        assertThat(fx.owner("lead", lead)).isEqualTo(clerk);

        clock.advance(Duration.ofMinutes(31));
        try {
            fx = new PoolFixture(login(tenant.slug(), "admin", PASSWORD));
            java.time.Instant until = java.time.Instant.now().plusSeconds(20);
            while (fx.owner("lead", lead) != null && java.time.Instant.now().isBefore(until)) {
                Thread.sleep(250);
            }
            assertThat(fx.owner("lead", lead)).isNull();
            assertThat(PoolFixture.pooledIds(fx.admin(), pool)).containsExactly(lead);
            JsonNode deadlines = fx.admin()
                    .get("/api/v1/leads/" + lead + "/deadlines")
                    .json()
                    .path("data");
            assertThat(deadlines.values().stream()
                            .map(d -> d.path("kind").asString() + ":"
                                    + d.path("status").asString() + ":"
                                    + d.path("outcome").asString()))
                    .containsExactlyInAnyOrder(
                            "first_response:breached:returned to pool " + pool, "follow_up:cancelled:returned to pool");
            assertThat(fx.audited("pool_return")).contains(lead);

            ApiClient claimant = login(tenant.slug(), "xiaowang", PASSWORD);
            assertThat(PoolFixture.claim(claimant, pool, lead).status()).isEqualTo(200);
            assertThat(fx.owner("lead", lead)).isEqualTo(other);
            assertThat(fx.admin().get("/api/v1/leads/" + lead + "/deadlines").text())
                    .doesNotContain("pending");
        } finally {
            clock.reset();
        }
    }

    /** Two clerks claim the same record at the same moment; the statuses they got. */
    private static List<Integer> claimAtOnce(List<ApiClient> clients, String pool, String record) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (ApiClient client : clients) {
                results.add(threads.submit(() -> {
                    start.await();
                    return PoolFixture.claim(client, pool, record).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            threads.shutdownNow();
        }
    }
}
