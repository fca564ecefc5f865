package com.weavecrm.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Follow-up deadlines: started by a policy, met by the owner, escalated on a breach as time passes. */
class FollowUpIT extends IntegrationTest {

    private static final String POLICIES = "/api/v1/follow-up/policies";
    private static final Map<String, Object> WEB_LEADS = ApiClient.map(
            "name",
            "官网线索",
            "condition",
            "channel == \"web_form\"",
            "firstResponseMinutes",
            30,
            "followUpHours",
            48,
            "onBreach",
            "reassign_to_manager");

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void policiesAreCheckedWhenSavedAndOnlyAdminsChangeThem() {
        TestTenant tenant = newTenant();
        ApiClient admin = tenant.admin();

        ApiClient.Response bad = admin.post(
                POLICIES,
                ApiClient.map("name", "", "condition", "channel ==", "followUpHours", 0, "onBreach", "shout"));
        ApiClient.Response none = admin.post(POLICIES, ApiClient.map("name", "空"));
        ApiClient.Response good = admin.post(POLICIES, WEB_LEADS);

        assertThat(bad.fieldErrors())
                .containsExactlyInAnyOrder(
                        "name:required",
                        "condition:invalid_expression",
                        "followUpHours:out_of_range",
                        "onBreach:invalid_value");
        assertThat(none.fieldErrors()).containsExactly("firstResponseMinutes:one_of_required");
        assertThat(good.status()).as(good.text()).isEqualTo(201);
        String id = good.string("id");
        ApiClient.Response stale =
                admin.send("PATCH", POLICIES + "/" + id, ApiClient.map("followUpHours", 24), Map.of("If-Match", "7"));
        assertThat(stale.isProblem(409)).isTrue();
        ApiClient.Response changed =
                admin.send("PATCH", POLICIES + "/" + id, ApiClient.map("followUpHours", 24), Map.of("If-Match", "1"));
        assertThat(changed.json().path("followUpHours").asInt()).isEqualTo(24);
        ApiClient clerk = clerks(tenant).get(1);
        assertThat(clerk.post(POLICIES, ApiClient.map("name", "x", "followUpHours", 1))
                        .isProblem(403))
                .isTrue();
        assertThat(clerk.get(POLICIES).json().path("data").size()).isEqualTo(1);
    }

    @Test
    void aBreachedFollowUpGoesToTheManagerWhoseOwnDeadlineStarts() throws Exception {
        TestTenant tenant = newTenant();
        ApiClient admin = tenant.admin();
        admin.post(POLICIES, WEB_LEADS);
        List<ApiClient> people = clerks(tenant);
        ApiClient manager = people.get(0);
        ApiClient clerk = people.get(1);
        String managerId = manager.get("/api/v1/me").string("id");

        JsonNode web = clerk.post(
                        "/api/v1/leads/intake", ApiClient.map("name", "孙芬", "phone", "13812345601", "channel", "官网表单"))
                .json();
        JsonNode store = clerk.post(
                        "/api/v1/leads/intake", ApiClient.map("name", "高天", "phone", "13812345602", "channel", "门店"))
                .json();
        String lead = web.path("leadId").asString();

        assertThat(deadlines(clerk, lead))
                .extracting(
                        d -> d.path("kind").asString() + ":" + d.path("status").asString())
                .containsExactlyInAnyOrder("first_response:pending", "follow_up:pending");
        assertThat(deadlines(clerk, store.path("leadId").asString())).isEmpty();
        assertThat(clerk.post("/api/v1/leads/" + lead + "/confirm", Map.of()).status())
                .isEqualTo(200);
        assertThat(deadlines(clerk, lead)).anySatisfy(d -> {
            assertThat(d.path("kind").asString()).isEqualTo("first_response");
            assertThat(d.path("status").asString()).isEqualTo("met");
            assertThat(d.path("outcome").asString()).isEqualTo("confirmed");
        });

        clock.advance(Duration.ofHours(47));
        Thread.sleep(2_500);
        admin = login(tenant.slug(), "admin", PASSWORD); // sessions expire as the clock moves on
        assertThat(deadlines(admin, lead))
                .noneMatch(d -> d.path("status").asString().equals("breached"));
        clock.advance(Duration.ofHours(2));
        admin = login(tenant.slug(), "admin", PASSWORD);
        List<JsonNode> after = waitFor(
                admin,
                lead,
                ds -> ds.stream().anyMatch(d -> d.path("status").asString().equals("breached")));

        assertThat(after).anySatisfy(d -> {
            assertThat(d.path("kind").asString()).isEqualTo("follow_up");
            assertThat(d.path("status").asString()).isEqualTo("breached");
            assertThat(d.path("outcome").asString()).isEqualTo("reassigned to " + managerId);
        });
        assertThat(after).anySatisfy(d -> {
            assertThat(d.path("status").asString()).isEqualTo("pending");
            assertThat(d.path("ownerId").asString()).isEqualTo(managerId);
        });
        assertThat(admin.get("/api/v1/objects/lead/records/" + lead).string("ownerId"))
                .isEqualTo(managerId);
        assertThat(admin.get("/api/v1/audit?object=lead&recordId=" + lead + "&action=deadline_breach")
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);

        ApiClient managerNow = login(tenant.slug(), "manager", PASSWORD);
        assertThat(managerNow.get("/api/v1/notifications").json().path("data").toString())
                .contains("sla_breach", "/records/lead/" + lead);
        ApiClient.Response call = managerNow.post(
                "/api/v1/objects/activity/records",
                ApiClient.map(
                        "customerId",
                        web.path("customerId").asString(),
                        "kind",
                        "call",
                        "subject",
                        "回访",
                        "occurredAt",
                        java.time.OffsetDateTime.now(clock).toString()));
        assertThat(call.status())
                .as(call.text() + " / customer as manager: "
                        + managerNow
                                .get("/api/v1/objects/customer/records/"
                                        + web.path("customerId").asString())
                                .text()
                        + " / as admin: "
                        + admin.get("/api/v1/objects/customer/records/"
                                        + web.path("customerId").asString())
                                .text())
                .isEqualTo(201);
        assertThat(deadlines(managerNow, lead))
                .noneMatch(d -> d.path("status").asString().equals("pending"));

        JsonNode stats = admin.get("/api/v1/follow-up/stats?by=owner").json().path("data");
        assertThat(stats.size()).isEqualTo(2);
        assertThat(admin.get("/api/v1/follow-up/stats?by=planet").fieldErrors()).containsExactly("by:invalid_value");
        assertThat(newTenant()
                        .admin()
                        .get("/api/v1/leads/" + lead + "/deadlines")
                        .isProblem(404))
                .isTrue();
    }

    /** A manager and a clerk reporting to them, both able to work leads, customers and activities they own. */
    private List<ApiClient> clerks(TestTenant tenant) {
        ApiClient admin = tenant.admin();
        List<Map<String, Object>> permissions = new ArrayList<>();
        for (String object : List.of("lead", "customer", "activity")) {
            permissions.add(
                    ApiClient.map("object", object, "actions", List.of("read", "create", "update"), "scope", "team"));
        }
        admin.post(
                "/api/v1/admin/roles",
                ApiClient.map("apiName", "lead_team", "label", "销售", "permissions", permissions));
        String manager = admin.post(
                        "/api/v1/admin/users",
                        ApiClient.map(
                                "username",
                                "manager",
                                "displayName",
                                "经理",
                                "password",
                                PASSWORD,
                                "roles",
                                List.of("lead_team")))
                .string("id");
        admin.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username",
                        "clerk",
                        "displayName",
                        "销售",
                        "password",
                        PASSWORD,
                        "roles",
                        List.of("lead_team"),
                        "managerId",
                        manager));
        return List.of(login(tenant.slug(), "manager", PASSWORD), login(tenant.slug(), "clerk", PASSWORD));
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
        Instant until = Instant.now().plusSeconds(20);
        List<JsonNode> now = deadlines(client, lead);
        while (!done.test(now) && Instant.now().isBefore(until)) {
            Thread.sleep(250);
            now = deadlines(client, lead);
        }
        return now;
    }
}
