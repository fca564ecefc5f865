package com.weavecrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The lead assignment pages: rules created, refused, edited and reordered; defaults, absences, a dry run, the trace on a lead. */
class AssignmentPagesIT extends IntegrationTest {

    private static final String RULES = "/api/v1/assignment-rules";

    @Test
    void anAdministratorManagesRulesThroughThePages() {
        TestTenant tenant = newTenant();
        ApiClient api = tenant.admin();
        String zhang = user(api, "zhangsan", "张三");
        String li = user(api, "lisi", "李四");
        PageSession admin = new PageSession(baseUrl(), "zh-CN");
        admin.signIn(tenant.slug(), "admin", PASSWORD);

        PageSession.Page empty = admin.get("/admin/assignment");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("线索分配", "还没有分配规则", "默认队列负责人", "休假");

        PageSession.Page refused = admin.post(
                "/admin/assignment/rules",
                fields(
                        admin,
                        "/admin/assignment/rules/new",
                        "name",
                        "坏条件",
                        "condition",
                        "channel ==",
                        "strategy",
                        "round_robin",
                        "member",
                        zhang));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("is-invalid", "表达式有误", "坏条件");
        assertThat(api.get(RULES).json().path("data").size()).isZero();

        PageSession.Page created = admin.post(
                "/admin/assignment/rules",
                fields(
                        admin,
                        "/admin/assignment/rules/new",
                        "name",
                        "官网轮流",
                        "condition",
                        "channel == \"web_form\"",
                        "strategy",
                        "weighted",
                        "member",
                        zhang,
                        "member",
                        li,
                        "weight_" + zhang,
                        "3",
                        "weight_" + li,
                        "1",
                        "dailyCap",
                        "30",
                        "active",
                        "on"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        JsonNode rule = api.get(RULES).json().path("data").get(0);
        assertThat(rule.path("name").asString()).isEqualTo("官网轮流");
        assertThat(rule.path("members").get(0).path("weight").asInt()).isEqualTo(3);
        assertThat(rule.path("dailyCap").asInt()).isEqualTo(30);
        String id = rule.path("id").asString();
        assertThat(admin.get(created.location().replace(baseUrl(), "")).body())
                .contains("官网轮流", "按权重", "张三", "分配规则已创建");

        api.post(
                RULES,
                ApiClient.map(
                        "name",
                        "兜底",
                        "strategy",
                        "queue",
                        "queue",
                        "总部",
                        "members",
                        List.of(ApiClient.map("userId", li))));
        PageSession.Page edit = admin.get("/admin/assignment/rules/" + id);
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.body()).contains("编辑规则“官网轮流”", "channel == &quot;web_form&quot;");
        PageSession.Page saved = admin.post(
                "/admin/assignment/rules/" + id,
                fields(
                        admin,
                        "/admin/assignment/rules/" + id,
                        "version",
                        "1",
                        "name",
                        "官网表单",
                        "condition",
                        "channel == \"web_form\"",
                        "strategy",
                        "round_robin",
                        "member",
                        li,
                        "active",
                        "on"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(api.get(RULES + "/" + id).json().path("members").size()).isEqualTo(1);
        PageSession.Page stale = admin.post(
                "/admin/assignment/rules/" + id,
                fields(
                        admin,
                        "/admin/assignment/rules/" + id,
                        "version",
                        "1",
                        "name",
                        "过期",
                        "strategy",
                        "round_robin",
                        "member",
                        li,
                        "active",
                        "on"));
        assertThat(stale.status()).isEqualTo(409);

        PageSession.Page moved = admin.post(
                "/admin/assignment/rules/" + id + "/move", fields(admin, "/admin/assignment", "direction", "down"));
        assertThat(moved.status()).isEqualTo(302);
        assertThat(api.get(RULES).json().path("data").get(1).path("id").asString())
                .isEqualTo(id);

        PageSession.Page settings = admin.post(
                "/admin/assignment/settings",
                fields(
                        admin,
                        "/admin/assignment",
                        "version",
                        "1",
                        "defaultOwnerId",
                        zhang,
                        "keepExistingOwner",
                        "on",
                        "day",
                        "1",
                        "day",
                        "2",
                        "day",
                        "6",
                        "from",
                        "08:00",
                        "to",
                        "20:00"));
        assertThat(settings.status()).isEqualTo(302);
        JsonNode stored = api.get(RULES + "/settings").json();
        assertThat(stored.path("defaultOwnerId").asString()).isEqualTo(zhang);
        assertThat(stored.path("workingHours").path("days").toString()).isEqualTo("[1,2,6]");

        PageSession.Page badAbsence = admin.post(
                "/admin/assignment/absences",
                fields(
                        admin,
                        "/admin/assignment",
                        "userId",
                        li,
                        "absenceFrom",
                        "2099-05-03",
                        "absenceTo",
                        "2099-05-01"));
        assertThat(badAbsence.status()).isEqualTo(400);
        assertThat(badAbsence.body()).contains("结束必须晚于开始");
        PageSession.Page absence = admin.post(
                "/admin/assignment/absences",
                fields(
                        admin,
                        "/admin/assignment",
                        "userId",
                        li,
                        "absenceFrom",
                        "2099-05-01",
                        "absenceTo",
                        "2099-05-03",
                        "note",
                        "年假"));
        assertThat(absence.status()).isEqualTo(302);
        assertThat(admin.get("/admin/assignment").body()).contains("年假");

        PageSession.Page test =
                admin.post("/admin/assignment/test", fields(admin, "/admin/assignment", "test_channel", "web_form"));
        assertThat(test.status()).isEqualTo(200);
        assertThat(test.body()).contains("test-result", "规则“兜底”：条件成立", "分配给 李四");

        PageSession.Page deleted =
                admin.post("/admin/assignment/rules/" + id + "/delete", fields(admin, "/admin/assignment"));
        assertThat(deleted.status()).isEqualTo(302);
        assertThat(api.get(RULES).json().path("data").size()).isEqualTo(1);
    }

    @Test
    void aLeadsPageShowsWhoGotItAndWhyInTheReadersLanguage() {
        TestTenant tenant = newTenant();
        ApiClient api = tenant.admin();
        String zhang = user(api, "zhangsan", "张三");
        api.post(
                RULES,
                ApiClient.map(
                        "name",
                        "微信不要",
                        "condition",
                        "channel == \"wechat\"",
                        "strategy",
                        "round_robin",
                        "members",
                        List.of(ApiClient.map("userId", zhang))));
        api.post(
                RULES,
                ApiClient.map(
                        "name", "全部轮流", "strategy", "round_robin", "members", List.of(ApiClient.map("userId", zhang))));
        ApiClient.Response intake = api.post(
                "/api/v1/leads/intake", ApiClient.map("name", "钱多多", "phone", "13957294816", "channel", "web_form"));
        assertThat(intake.status()).as(intake.text()).isEqualTo(201);

        PageSession admin = new PageSession(baseUrl(), "zh-CN");
        admin.signIn(tenant.slug(), "admin", PASSWORD);
        String leadId = intake.string("leadId");
        assertThat(admin.get("/records/lead/" + leadId).body()).contains("/leads/" + leadId + "/panel");
        PageSession.Page panel = admin.get("/leads/" + leadId + "/panel");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body())
                .contains(
                        "来源与分配",
                        "新建客户",
                        "规则“微信不要”：条件不成立",
                        "规则“全部轮流”：条件成立",
                        "分配给 张三：轮流分配，轮到第一位",
                        "data-step=\"assigned\"");

        PageSession english = new PageSession(baseUrl(), "en");
        english.signIn(tenant.slug(), "admin", PASSWORD);
        english.post("/me/language", Map.of("_csrf", PageSession.csrf(english.get("/")), "locale", "en", "back", "/"));
        assertThat(english.get("/leads/" + leadId + "/panel").body())
                .contains(
                        "Source and assignment",
                        "Rule “微信不要”: condition false",
                        "Assigned to 张三: round robin, first in turn");
        assertThat(english.get("/admin/assignment").body())
                .contains("Lead assignment")
                .doesNotContain("??");
    }

    @Test
    void whoMayNotReadSettingsDoesNotSeeThePage() {
        TestTenant tenant = newTenant();
        user(tenant.admin(), "clerk", "店员");
        PageSession clerk = new PageSession(baseUrl(), "zh-CN");
        clerk.signIn(tenant.slug(), "clerk", PASSWORD);
        assertThat(clerk.get("/").body()).doesNotContain("/admin/assignment");
        assertThat(clerk.get("/admin/assignment").status()).isEqualTo(403);
        assertThat(clerk.get("/admin/assignment/rules/new").status()).isEqualTo(403);
    }

    private static String user(ApiClient api, String username, String name) {
        ApiClient.Response response = api.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username", username, "displayName", name, "password", PASSWORD, "roles", List.of("sales")));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.string("id");
    }

    /** The CSRF token of {@code pagePath} and the fields (names may repeat). */
    private static List<Map.Entry<String, String>> fields(PageSession session, String pagePath, String... keyValues) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("_csrf", PageSession.csrf(session.get(pagePath))));
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.add(Map.entry(keyValues[i], keyValues[i + 1]));
        }
        return fields;
    }
}
