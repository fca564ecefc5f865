package com.weavecrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The follow-up policies page: created, refused, edited, reordered and deleted through the forms, audited; who may see it. */
class FollowUpPagesIT extends IntegrationTest {

    private static final String POLICIES = "/api/v1/follow-up/policies";

    @Test
    void anAdministratorManagesPoliciesThroughTheForms() {
        TestTenant tenant = newTenant();
        ApiClient api = tenant.admin();
        PageSession admin = new PageSession(baseUrl(), "zh-CN");
        admin.signIn(tenant.slug(), "admin", PASSWORD);

        PageSession.Page empty = admin.get("/admin/follow-up");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("跟进时限", "还没有跟进时限规则", "/admin/follow-up/policies/new");
        PageSession.Page blank = admin.get("/admin/follow-up/policies/new");
        assertThat(blank.body()).contains("新建时限规则", "value=\"30\"", "value=\"48\"", "退回公海", "还没有线索公海");

        PageSession.Page refused = admin.post(
                "/admin/follow-up/policies",
                fields(
                        admin,
                        "/admin/follow-up/policies/new",
                        "name",
                        "坏条件",
                        "condition",
                        "channel ==",
                        "firstResponseMinutes",
                        "30",
                        "followUpHours",
                        "48",
                        "onBreach",
                        "notify_manager",
                        "active",
                        "on"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"condition-error\"", "表达式有误", "坏条件", "channel ==")
                .containsPattern("id=\"condition\"[^>]*is-invalid|is-invalid[^>]*id=\"condition\"");
        assertThat(api.get(POLICIES).json().path("data").size()).isZero();

        PageSession.Page created = admin.post(
                "/admin/follow-up/policies",
                fields(
                        admin,
                        "/admin/follow-up/policies/new",
                        "name",
                        "官网线索",
                        "condition",
                        "channel == \"web_form\"",
                        "firstResponseMinutes",
                        "30",
                        "followUpHours",
                        "48",
                        "onBreach",
                        "reassign_to_manager",
                        "active",
                        "on"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        JsonNode policy = api.get(POLICIES).json().path("data").get(0);
        assertThat(policy.path("name").asString()).isEqualTo("官网线索");
        assertThat(policy.path("condition").asString()).isEqualTo("channel == \"web_form\"");
        assertThat(policy.path("firstResponseMinutes").asInt()).isEqualTo(30);
        assertThat(policy.path("followUpHours").asInt()).isEqualTo(48);
        assertThat(policy.path("onBreach").asString()).isEqualTo("reassign_to_manager");
        assertThat(policy.path("active").asBoolean()).isTrue();
        String id = policy.path("id").asString();
        assertThat(admin.get(created.location().replace(baseUrl(), "")).body())
                .contains("官网线索", "跟进时限规则已创建", "30 分钟", "48 小时", "转给经理");

        String second = api.post(POLICIES, ApiClient.map("name", "门店线索", "followUpHours", 24))
                .string("id");
        PageSession.Page edit = admin.get("/admin/follow-up/policies/" + id);
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.body()).contains("编辑时限规则“官网线索”", "channel == &quot;web_form&quot;");

        PageSession.Page saved = admin.post(
                "/admin/follow-up/policies/" + id,
                fields(
                        admin,
                        "/admin/follow-up/policies/" + id,
                        "version",
                        "1",
                        "name",
                        "官网表单",
                        "condition",
                        "channel == \"web_form\"",
                        "firstResponseMinutes",
                        "",
                        "followUpHours",
                        "72",
                        "onBreach",
                        "return_to_pool"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        JsonNode changed = api.get(POLICIES).json().path("data").get(0);
        assertThat(changed.path("name").asString()).isEqualTo("官网表单");
        assertThat(changed.path("firstResponseMinutes").isNull()).isTrue();
        assertThat(changed.path("followUpHours").asInt()).isEqualTo(72);
        assertThat(changed.path("onBreach").asString()).isEqualTo("return_to_pool");
        assertThat(changed.path("active").asBoolean()).isFalse();

        PageSession.Page stale = admin.post(
                "/admin/follow-up/policies/" + id,
                fields(
                        admin,
                        "/admin/follow-up/policies/" + id,
                        "version",
                        "1",
                        "name",
                        "过期",
                        "followUpHours",
                        "1",
                        "onBreach",
                        "notify_manager"));
        assertThat(stale.status()).isEqualTo(409);
        PageSession.Page neither = admin.post(
                "/admin/follow-up/policies/" + id,
                fields(
                        admin,
                        "/admin/follow-up/policies/" + id,
                        "version",
                        "2",
                        "name",
                        "无时限",
                        "onBreach",
                        "notify_manager"));
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.body()).contains("至少需要填写其中一项", "无时限");
        assertThat(api.get(POLICIES).json().path("data").get(0).path("name").asString())
                .isEqualTo("官网表单");

        PageSession.Page moved = admin.post(
                "/admin/follow-up/policies/" + id + "/move", fields(admin, "/admin/follow-up", "direction", "down"));
        assertThat(moved.status()).isEqualTo(302);
        JsonNode order = api.get(POLICIES).json().path("data");
        assertThat(order.get(0).path("id").asString()).isEqualTo(second);
        assertThat(order.get(1).path("id").asString()).isEqualTo(id);
        assertThat(admin.get(moved.location().replace(baseUrl(), "")).body()).contains("时限规则的顺序已调整", "停用");

        PageSession.Page deleted =
                admin.post("/admin/follow-up/policies/" + id + "/delete", fields(admin, "/admin/follow-up"));
        assertThat(deleted.status()).isEqualTo(302);
        assertThat(api.get(POLICIES).json().path("data").size()).isEqualTo(1);

        List<String> audit = new ArrayList<>();
        api.get("/api/v1/audit?object=followup_policy")
                .json()
                .path("data")
                .forEach(e -> audit.add(e.path("action").asString()));
        assertThat(audit).containsOnly("create", "update", "delete");
        assertThat(audit).filteredOn("create"::equals).hasSize(2);
        assertThat(audit).filteredOn("update"::equals).hasSize(2);
        assertThat(audit).filteredOn("delete"::equals).hasSize(1);
    }

    @Test
    void thePagesSpeakEnglishAndOnlyAdministratorsChangePolicies() {
        TestTenant tenant = newTenant();
        ApiClient api = tenant.admin();
        String policy = api.post(POLICIES, ApiClient.map("name", "Web", "followUpHours", 48))
                .string("id");
        PageSession english = new PageSession(baseUrl(), "en");
        english.signIn(tenant.slug(), "admin", PASSWORD);
        english.post("/me/language", Map.of("_csrf", PageSession.csrf(english.get("/")), "locale", "en", "back", "/"));
        assertThat(english.get("/admin/follow-up").body())
                .contains("Follow-up deadlines", "48 h", "Notify the manager", "Every lead")
                .doesNotContain("??");
        assertThat(english.get("/admin/follow-up/policies/new").body())
                .contains("New policy", "Follow up within (hours)", "Return to the pool")
                .doesNotContain("??");
        assertThat(english.get("/follow-up").body())
                .contains("Follow-up figures", "Follow-up rate", "First response, median (min)")
                .doesNotContain("??");

        user(api, "clerk", "店员", List.of("sales"));
        user(api, "nobody", "访客", List.of());
        PageSession clerk = new PageSession(baseUrl(), "zh-CN");
        clerk.signIn(tenant.slug(), "clerk", PASSWORD);
        assertThat(clerk.get("/").body()).doesNotContain("/admin/follow-up").contains("href=\"/follow-up\"");
        assertThat(clerk.get("/admin/follow-up").status()).isEqualTo(403);
        assertThat(clerk.get("/admin/follow-up/policies/new").status()).isEqualTo(403);
        assertThat(clerk.get("/admin/follow-up/policies/" + policy).status()).isEqualTo(403);
        String token = PageSession.csrf(clerk.get("/"));
        PageSession.Page create = clerk.post(
                "/admin/follow-up/policies",
                Map.of("_csrf", token, "name", "店员的规则", "followUpHours", "1", "onBreach", "notify_manager"));
        assertThat(create.status()).isEqualTo(403);
        assertThat(clerk.post("/admin/follow-up/policies/" + policy + "/delete", Map.of("_csrf", token))
                        .status())
                .isEqualTo(403);
        assertThat(api.get(POLICIES).json().path("data").size()).isEqualTo(1);
        assertThat(clerk.get("/follow-up").status()).isEqualTo(200);

        PageSession nobody = new PageSession(baseUrl(), "zh-CN");
        nobody.signIn(tenant.slug(), "nobody", PASSWORD);
        assertThat(nobody.get("/").body()).doesNotContain("href=\"/follow-up\"");
        assertThat(nobody.get("/follow-up").status()).isEqualTo(403);
    }

    static String user(ApiClient api, String username, String name, List<String> roles) {
        ApiClient.Response response = api.post(
                "/api/v1/admin/users",
                ApiClient.map("username", username, "displayName", name, "password", PASSWORD, "roles", roles));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.string("id");
    }

    /** The CSRF token of {@code pagePath} and the fields. */
    static List<Map.Entry<String, String>> fields(PageSession session, String pagePath, String... keyValues) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("_csrf", PageSession.csrf(session.get(pagePath))));
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.add(Map.entry(keyValues[i], keyValues[i + 1]));
        }
        return fields;
    }
}
