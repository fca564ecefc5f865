package com.weavecrm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The lead flow tells people: the owner an intake, a colleague, an escalation or a hand-over gives a
 * lead to ({@code lead_assigned}), the owner whose leads went back to a pool ({@code lead_reclaimed}).
 */
class LeadNotificationsIT extends IntegrationTest {

    private static final String INTAKE = "/api/v1/leads/intake";
    private static final String LEADS = "/api/v1/objects/lead/records/";

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theAssigneeIsToldByIntakeTransferAndHandOverButNobodyAboutTheirOwnDoing() {
        TestTenant tenant = newTenant();
        ApiClient admin = tenant.admin();
        String clerk = user(admin, "xiaoli", "小李", "zh-CN");
        String boss = user(admin, "boss", "Boss Wang", "en");
        ApiClient.Response kept = admin.post(INTAKE, ApiClient.map("name", "自己的", "phone", "13500006660"));
        assertThat(kept.string("ownerId")).isEqualTo(admin.get("/api/v1/me").string("id"));
        rule(admin, clerk);

        ApiClient.Response taken =
                admin.post(INTAKE, ApiClient.map("name", "周杰", "phone", "13500006666", "channel", "官网表单"));
        assertThat(taken.string("ownerId")).isEqualTo(clerk);
        String lead = taken.string("leadId");
        ApiClient clerkClient = login(tenant.slug(), "xiaoli", PASSWORD);
        JsonNode notice = only(clerkClient, "lead_assigned");
        assertThat(notice.path("title").asString()).isEqualTo("分配给你的线索：周杰");
        assertThat(notice.path("body").asString()).isEqualTo("轮流分配，轮到第一位");
        assertThat(notice.path("link").asString()).isEqualTo("/records/lead/" + lead);
        assertThat(notice.path("relatedId").asString()).isEqualTo(lead);

        ApiClient.Response moved = admin.patch(LEADS + lead, ApiClient.map("ownerId", boss));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        ApiClient bossClient = login(tenant.slug(), "boss", PASSWORD);
        JsonNode transfer = only(bossClient, "lead_assigned");
        assertThat(transfer.path("title").asString()).isEqualTo("Lead assigned to you: 周杰");
        assertThat(transfer.path("body").asString()).endsWith("passed this lead to you");

        admin.post(INTAKE, ApiClient.map("name", "吴芳", "phone", "13500006667"));
        admin.post(INTAKE, ApiClient.map("name", "郑凯", "phone", "13500006668"));
        ApiClient.Response handOver =
                admin.post("/api/v1/admin/users/" + clerk + "/hand-over", ApiClient.map("to", boss, "markLeft", false));
        assertThat(handOver.status()).as(handOver.text()).isEqualTo(200);
        List<JsonNode> bossNotices = notices(bossClient, "lead_assigned");
        assertThat(bossNotices).hasSize(2);
        assertThat(bossNotices.getFirst().path("title").asString()).isEqualTo("Leads handed over to you: 2");
        assertThat(bossNotices.getFirst().path("body").asString()).isEqualTo("Handed over from 小李");

        assertThat(notices(clerkClient, "lead_assigned")).hasSize(3);
        assertThat(notices(admin, "lead_assigned")).isEmpty();
    }

    @Test
    void previousOwnersAreToldWhenTheReclaimTakesTheirLeads() {
        TestTenant tenant = newTenant();
        ApiClient admin = tenant.admin();
        String clerk = user(admin, "xiaoli", "小李", "zh-CN");
        String other = user(admin, "xiaozhang", "小张", "zh-CN");
        String pool = admin.post("/api/v1/pools", ApiClient.map("name", "线索公海", "object", "lead", "inactiveDays", 1))
                .string("id");
        rule(admin, clerk);
        admin.post(INTAKE, ApiClient.map("name", "冯一", "phone", "13500007771"));
        admin.post(INTAKE, ApiClient.map("name", "冯二", "phone", "13500007772"));
        String third = admin.post(INTAKE, ApiClient.map("name", "冯三", "phone", "13500007773"))
                .string("leadId");
        admin.patch(LEADS + third, ApiClient.map("ownerId", other));

        clock.advance(Duration.ofDays(2));
        admin = login(tenant.slug(), "admin", PASSWORD);
        ApiClient.Response reclaimed = admin.post("/api/v1/pools/" + pool + "/reclaim-now", null);
        assertThat(reclaimed.json().path("reclaimed").asInt())
                .as(reclaimed.text())
                .isEqualTo(3);

        JsonNode many = only(login(tenant.slug(), "xiaoli", PASSWORD), "lead_reclaimed");
        assertThat(many.path("title").asString()).isEqualTo("2 条线索已退回公海");
        assertThat(many.path("body").asString()).isEqualTo("1 天没有跟进，已进入公海“线索公海”");
        assertThat(many.path("link").asString()).isEqualTo("/pools/" + pool);
        JsonNode one = only(login(tenant.slug(), "xiaozhang", PASSWORD), "lead_reclaimed");
        assertThat(one.path("title").asString()).isEqualTo("线索已退回公海：冯三");
        assertThat(one.path("relatedId").asString()).isEqualTo(third);
    }

    @Test
    void anEscalationThatReturnsALeadToThePoolTellsItsOwner() throws InterruptedException {
        TestTenant tenant = newTenant();
        ApiClient admin = tenant.admin();
        String clerk = user(admin, "xiaoli", "小李", "zh-CN");
        admin.post("/api/v1/pools", ApiClient.map("name", "超时公海", "object", "lead", "inactiveDays", 30));
        ApiClient.Response policy = admin.post(
                "/api/v1/follow-up/policies",
                ApiClient.map("name", "一分钟", "firstResponseMinutes", 1, "onBreach", "return_to_pool"));
        assertThat(policy.status()).as(policy.text()).isEqualTo(201);
        rule(admin, clerk);
        String lead = admin.post(INTAKE, ApiClient.map("name", "卫青", "phone", "13500008881"))
                .string("leadId");

        clock.advance(Duration.ofMinutes(3));
        ApiClient clerkClient = login(tenant.slug(), "xiaoli", PASSWORD);
        List<JsonNode> told = waitFor(
                clerkClient,
                ns -> ns.stream().anyMatch(n -> n.path("kind").asString().equals("lead_reclaimed")));
        JsonNode notice = told.stream()
                .filter(n -> n.path("kind").asString().equals("lead_reclaimed"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no lead_reclaimed in " + told));
        assertThat(notice.path("title").asString()).isEqualTo("线索已退回公海：卫青");
        assertThat(notice.path("body").asString()).startsWith("已进入公海“超时公海”");
        assertThat(notice.path("relatedId").asString()).isEqualTo(lead);
    }

    private String user(ApiClient admin, String username, String displayName, String locale) {
        ApiClient.Response created = admin.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username",
                        username,
                        "displayName",
                        displayName,
                        "password",
                        PASSWORD,
                        "roles",
                        List.of("sales"),
                        "locale",
                        locale));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.string("id");
    }

    private static void rule(ApiClient admin, String member) {
        ApiClient.Response rule = admin.post(
                "/api/v1/assignment-rules",
                ApiClient.map(
                        "name",
                        "全部线索",
                        "strategy",
                        "round_robin",
                        "members",
                        List.of(ApiClient.map("userId", member))));
        assertThat(rule.status()).as(rule.text()).isEqualTo(201);
    }

    private static List<JsonNode> notices(ApiClient client, String kind) {
        ApiClient.Response inbox = client.get("/api/v1/notifications");
        assertThat(inbox.status()).as(inbox.text()).isEqualTo(200);
        return inbox.json().path("data").values().stream()
                .filter(n -> n.path("kind").asString().equals(kind))
                .toList();
    }

    private static JsonNode only(ApiClient client, String kind) {
        List<JsonNode> found = notices(client, kind);
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    private static List<JsonNode> waitFor(ApiClient client, Predicate<List<JsonNode>> done)
            throws InterruptedException {
        Instant until = Instant.now().plusSeconds(30);
        List<JsonNode> now = List.of();
        while (Instant.now().isBefore(until)) {
            now = client.get("/api/v1/notifications").json().path("data").values().stream()
                    .toList();
            if (done.test(now)) {
                return now;
            }
            Thread.sleep(250);
        }
        return now;
    }
}
