package com.weavecrm.handover;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A leaver's open work handed over in one audited step, over HTTP. */
class LeaverHandOverIT extends IntegrationTest {

    @Test
    void openRecordsMoveToTheManagerWithTheirHistoryAndTheLeaverIsLockedOut() {
        TestTenant tenant = newTenant();
        ApiClient admin = tenant.admin();
        String manager = user(admin, "manager", "sales", null);
        String leaver = user(admin, "leaver", "sales", manager);
        String loner = user(admin, "loner", "sales", null);
        String gone = user(admin, "gone", "sales", null);
        assertThat(admin.patch("/api/v1/admin/users/" + gone, ApiClient.map("status", "left"))
                        .status())
                .isEqualTo(200);
        ApiClient leaverClient = login(tenant.slug(), "leaver", PASSWORD);
        ApiClient clerk = login(tenant.slug(), "loner", PASSWORD);
        ApiClient.Response object = admin.post(
                "/api/v1/objects", ApiClient.map("apiName", "trial_lesson", "label", "试听课", "labelPlural", "试听课"));
        assertThat(object.status()).as(object.text()).isEqualTo(201);

        String openLead = create(admin, "lead", "name", "新线索", "status", "new", "ownerId", leaver);
        String convertedLead = create(admin, "lead", "name", "已转化", "status", "converted", "ownerId", leaver);
        String customer = create(admin, "customer", "name", "老客户", "ownerId", leaver);
        String openDeal = create(admin, "deal", "name", "年度采购", "stage", "proposal", "ownerId", leaver);
        String wonDeal = create(admin, "deal", "name", "已赢单", "stage", "won", "ownerId", leaver);
        String openTask = create(admin, "task", "subject", "回访", "status", "open", "ownerId", leaver);
        String doneTask = create(admin, "task", "subject", "已完成", "status", "done", "ownerId", leaver);
        String assignedTask = create(admin, "task", "subject", "代办", "status", "open", "assigneeId", leaver);
        String activity = create(admin, "activity", "customerId", customer, "kind", "call", "ownerId", leaver);
        String lesson = create(admin, "trial_lesson", "ownerId", leaver);
        String othersLead = create(admin, "lead", "name", "别人的线索", "status", "new", "ownerId", loner);

        String path = "/api/v1/admin/users/" + leaver + "/hand-over";
        ApiClient.Response preview = admin.get(path);
        assertThat(preview.status()).as(preview.text()).isEqualTo(200);
        assertThat(preview.string("to")).isEqualTo(manager);
        JsonNode counts = preview.json().path("counts");
        assertThat(counts.path("lead").asInt()).isEqualTo(1);
        assertThat(counts.path("customer").asInt()).isEqualTo(1);
        assertThat(counts.path("deal").asInt()).isEqualTo(1);
        assertThat(counts.path("task").asInt()).isEqualTo(1);
        assertThat(counts.path("trial_lesson").asInt()).isEqualTo(1);
        assertThat(counts.has("activity")).isFalse();
        assertThat(preview.json().path("assignedTasks").asInt()).isEqualTo(1);
        assertThat(admin.get(path + "?to=" + loner).string("to")).isEqualTo(loner);

        assertThat(clerk.get(path).isProblem(403)).isTrue();
        assertThat(clerk.post(path, ApiClient.map("markLeft", true)).isProblem(403))
                .isTrue();
        String stranger = newTenant().admin().get("/api/v1/me").string("id");
        for (Map.Entry<String, String> bad : Map.of(
                        "0193a5b0-0000-7000-8000-000000000000",
                        "to:not_found",
                        stranger,
                        "to:not_found",
                        leaver,
                        "to:invalid_value",
                        gone,
                        "to:not_active",
                        "not-a-uuid",
                        "to:invalid_id")
                .entrySet()) {
            ApiClient.Response refused = admin.post(path, ApiClient.map("to", bad.getKey(), "markLeft", true));
            assertThat(refused.isProblem(400)).as(bad.getKey()).isTrue();
            assertThat(refused.fieldErrors()).as(bad.getKey()).containsExactly(bad.getValue());
        }
        assertThat(admin.post("/api/v1/admin/users/" + loner + "/hand-over", ApiClient.map())
                        .fieldErrors())
                .containsExactly("to:required");
        assertThat(owner(admin, "lead", openLead)).isEqualTo(leaver);
        assertThat(admin.get("/api/v1/admin/users/" + leaver).string("status")).isEqualTo("active");
        assertThat(newTenant().admin().post(path, ApiClient.map()).isProblem(404))
                .isTrue();

        ApiClient.Response done = admin.post(path, ApiClient.map("to", null, "markLeft", true));
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(done.json().path("counts")).isEqualTo(counts);
        assertThat(done.json().path("markedLeft").asBoolean()).isTrue();

        assertThat(owner(admin, "lead", openLead)).isEqualTo(manager);
        assertThat(owner(admin, "customer", customer)).isEqualTo(manager);
        assertThat(owner(admin, "deal", openDeal)).isEqualTo(manager);
        assertThat(owner(admin, "task", openTask)).isEqualTo(manager);
        assertThat(owner(admin, "trial_lesson", lesson)).isEqualTo(manager);
        assertThat(owner(admin, "lead", convertedLead)).isEqualTo(leaver);
        assertThat(owner(admin, "deal", wonDeal)).isEqualTo(leaver);
        assertThat(owner(admin, "task", doneTask)).isEqualTo(leaver);
        assertThat(owner(admin, "activity", activity)).isEqualTo(leaver);
        assertThat(owner(admin, "lead", othersLead)).isEqualTo(loner);
        assertThat(admin.get(records("task") + "/" + assignedTask).string("assigneeId"))
                .isEqualTo(manager);

        JsonNode history =
                admin.get(records("lead") + "/" + openLead + "/history").json().path("data");
        assertThat(history.values().stream().map(e -> e.path("action").asString()))
                .containsExactly("update", "create");
        JsonNode change = history.get(0).path("changes").get(0);
        assertThat(change.path("field").asString()).isEqualTo("ownerId");
        assertThat(change.path("old").asString()).isEqualTo(leaver);
        assertThat(change.path("new").asString()).isEqualTo(manager);

        JsonNode entries = admin.get("/api/v1/audit?action=hand_over").json().path("data");
        assertThat(entries.size()).isEqualTo(1);
        assertThat(entries.get(0).path("recordId").asString()).isEqualTo(leaver);
        assertThat(entries.get(0).path("changes").toString()).contains("\"lead\"", manager);

        assertThat(admin.get("/api/v1/admin/users/" + leaver).string("status")).isEqualTo("left");
        assertThat(leaverClient.get("/api/v1/me").isProblem(401)).isTrue();
        assertThat(anonymous()
                        .post(
                                "/api/v1/auth/login",
                                ApiClient.map("tenant", tenant.slug(), "username", "leaver", "password", PASSWORD))
                        .status())
                .isEqualTo(401);
        JsonNode after = admin.get(path).json().path("counts");
        assertThat(after.path("lead").asInt()).isZero();
        assertThat(after.path("task").asInt()).isZero();
    }

    private static String user(ApiClient admin, String username, String role, String managerId) {
        ApiClient.Response response = admin.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username",
                        username,
                        "displayName",
                        username,
                        "password",
                        PASSWORD,
                        "roles",
                        List.of(role),
                        "managerId",
                        managerId));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.string("id");
    }

    private static String create(ApiClient admin, String object, Object... keyValues) {
        ApiClient.Response response = admin.post(records(object), ApiClient.map(keyValues));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.string("id");
    }

    private static String owner(ApiClient admin, String object, String id) {
        return admin.get(records(object) + "/" + id).string("ownerId");
    }

    private static String records(String object) {
        return "/api/v1/objects/" + object + "/records";
    }
}
