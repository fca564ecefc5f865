package com.weavecrm.assignment;

import static com.weavecrm.assignment.AssignmentFixture.RULES;
import static com.weavecrm.assignment.AssignmentFixture.members;
import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The rules API: create, read, change, order, delete; bad input, stale versions, rights and tenants. */
class AssignmentRulesIT extends IntegrationTest {

    @Test
    void rulesAreCreatedReadChangedOrderedAndDeletedWithAnAuditTrail() {
        TestTenant tenant = newTenant();
        ApiClient admin = tenant.admin();
        AssignmentFixture fx = new AssignmentFixture(admin);
        String a = fx.user("zhangsan", "张三");
        String b = fx.user("lisi", "李四");

        ApiClient.Response created = admin.post(
                RULES,
                ApiClient.map(
                        "name",
                        "上海官网线索",
                        "condition",
                        "channel == \"web_form\" && region.startsWith(\"31\")",
                        "strategy",
                        "round_robin",
                        "members",
                        List.of(ApiClient.map("userId", a), ApiClient.map("userId", b, "weight", 2)),
                        "dailyCap",
                        20,
                        "workingHoursOnly",
                        true));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.string("id");
        assertThat(created.header("Location")).endsWith(RULES + "/" + id);
        assertThat(created.json().path("position").asInt()).isZero();
        assertThat(created.json().path("version").asLong()).isEqualTo(1);
        assertThat(created.json().path("active").asBoolean()).isTrue();
        assertThat(created.json().path("members").get(1).path("weight").asInt()).isEqualTo(2);
        assertThat(created.json().path("dailyCap").asInt()).isEqualTo(20);

        String second = fx.rule("name", "兜底", "strategy", "least_loaded", "members", members(a, b))
                .path("id")
                .asString();
        assertThat(admin.get(RULES).json().path("data").values().stream()
                        .map(r -> r.path("name").asString())
                        .toList())
                .containsExactly("上海官网线索", "兜底");
        assertThat(admin.get(RULES + "/" + second).json().path("condition").asString())
                .isEqualTo("true");

        ApiClient.Response changed = admin.send(
                "PATCH", RULES + "/" + id, ApiClient.map("name", "上海线索", "dailyCap", null), Map.of("If-Match", "1"));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().path("version").asLong()).isEqualTo(2);
        assertThat(changed.json().path("dailyCap").isNull()).isTrue();
        assertThat(changed.json().path("members").size()).isEqualTo(2);
        ApiClient.Response stale =
                admin.send("PATCH", RULES + "/" + id, ApiClient.map("name", "过期的修改"), Map.of("If-Match", "1"));
        assertThat(stale.isProblem(409)).as(stale.text()).isTrue();
        assertThat(admin.get(RULES + "/" + id).string("name")).isEqualTo("上海线索");

        ApiClient.Response reordered = admin.post(RULES + "/order", ApiClient.map("ids", List.of(second, id)));
        assertThat(reordered.status()).as(reordered.text()).isEqualTo(200);
        assertThat(reordered.json().path("data").get(0).path("id").asString()).isEqualTo(second);
        assertThat(admin.get(RULES + "/" + id).json().path("position").asInt()).isEqualTo(1);
        assertThat(admin.post(RULES + "/order", ApiClient.map("ids", List.of(id)))
                        .fieldErrors())
                .containsExactly("ids:not_every_rule");

        assertThat(admin.delete(RULES + "/" + id).status()).isEqualTo(204);
        assertThat(admin.get(RULES + "/" + id).isProblem(404)).isTrue();
        assertThat(admin.delete(RULES + "/" + id).isProblem(404)).isTrue();

        List<String> actions =
                admin.get("/api/v1/audit?object=assignment_rule&recordId=" + id).json().path("data").values().stream()
                        .map(e -> e.path("action").asString())
                        .toList();
        assertThat(actions).containsExactly("delete", "update", "create");
    }

    @Test
    void badRulesAreRefusedWithEveryFieldNamedAndNothingSaved() {
        TestTenant tenant = newTenant();
        ApiClient admin = tenant.admin();
        AssignmentFixture fx = new AssignmentFixture(admin);
        String a = fx.user("zhangsan", "张三");

        ApiClient.Response badCel = admin.post(
                RULES,
                ApiClient.map(
                        "name",
                        "坏条件",
                        "condition",
                        "channel == \"web_form\" &&",
                        "strategy",
                        "round_robin",
                        "members",
                        members(a)));
        assertThat(badCel.isProblem(400)).as(badCel.text()).isTrue();
        assertThat(badCel.fieldErrors()).containsExactly("condition:invalid_expression");

        assertThat(admin.post(
                                RULES,
                                ApiClient.map(
                                        "name",
                                        "不是布尔",
                                        "condition",
                                        "region",
                                        "strategy",
                                        "queue",
                                        "queue",
                                        "vip",
                                        "members",
                                        members(a)))
                        .fieldErrors())
                .containsExactly("condition:invalid_expression");
        assertThat(admin.post(
                                RULES,
                                ApiClient.map(
                                        "name",
                                        "未知变量",
                                        "condition",
                                        "city == \"上海\"",
                                        "strategy",
                                        "round_robin",
                                        "members",
                                        members(a)))
                        .fieldErrors())
                .containsExactly("condition:invalid_expression");

        ApiClient.Response many = admin.post(
                RULES,
                ApiClient.map(
                        "strategy",
                        "lottery",
                        "members",
                        List.of(ApiClient.map("userId", "00000000-0000-0000-0000-000000000001", "weight", 500)),
                        "dailyCap",
                        0,
                        "colour",
                        "red"));
        assertThat(many.isProblem(400)).isTrue();
        assertThat(many.fieldErrors())
                .contains(
                        "name:required",
                        "strategy:invalid_value",
                        "members[0].weight:out_of_range",
                        "dailyCap:out_of_range",
                        "colour:unknown_field");
        assertThat(admin.post(
                                RULES,
                                ApiClient.map(
                                        "name",
                                        "没人",
                                        "strategy",
                                        "round_robin",
                                        "members",
                                        members("00000000-0000-0000-0000-000000000001")))
                        .fieldErrors())
                .containsExactly("members[0].userId:not_found");
        assertThat(admin.post(RULES, ApiClient.map("name", "空池", "strategy", "weighted"))
                        .fieldErrors())
                .containsExactly("members:required");
        assertThat(admin.post(RULES, ApiClient.map("name", "无名队列", "strategy", "queue", "members", members(a)))
                        .fieldErrors())
                .containsExactly("queue:required");
        assertThat(admin.get(RULES).json().path("data").size()).isZero();

        String id = fx.rule("name", "好规则", "strategy", "round_robin", "members", members(a))
                .path("id")
                .asString();
        ApiClient.Response badPatch = admin.patch(RULES + "/" + id, ApiClient.map("condition", "amount > "));
        assertThat(badPatch.fieldErrors()).containsExactly("condition:invalid_expression");
        assertThat(admin.get(RULES + "/" + id).json().path("version").asLong()).isEqualTo(1);
        assertThat(admin.patch(RULES + "/" + id, ApiClient.map("condition", "amount >= 10000 && existingCustomer"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void onlyAdministratorsChangeRulesAndOtherTenantsSeeNothing() {
        TestTenant tenant = newTenant();
        ApiClient admin = tenant.admin();
        AssignmentFixture fx = new AssignmentFixture(admin);
        String a = fx.user("clerk", "店员");
        String id = fx.rule("name", "规则", "strategy", "round_robin", "members", members(a))
                .path("id")
                .asString();

        ApiClient clerk = login(tenant.slug(), "clerk", PASSWORD);
        assertThat(clerk.get(RULES).isProblem(403)).isTrue();
        assertThat(clerk.post(RULES, ApiClient.map("name", "x", "strategy", "round_robin", "members", members(a)))
                        .isProblem(403))
                .isTrue();
        assertThat(clerk.patch(RULES + "/" + id, ApiClient.map("name", "x")).isProblem(403))
                .isTrue();
        assertThat(clerk.delete(RULES + "/" + id).isProblem(403)).isTrue();
        assertThat(clerk.post(RULES + "/test", ApiClient.map("lead", Map.of())).isProblem(403))
                .isTrue();
        assertThat(clerk.post(RULES + "/absences", ApiClient.map("userId", a, "from", "2026-01-01", "to", "2026-01-02"))
                        .isProblem(403))
                .isTrue();

        ApiClient stranger = newTenant().admin();
        assertThat(stranger.get(RULES + "/" + id).isProblem(404)).isTrue();
        assertThat(stranger.patch(RULES + "/" + id, ApiClient.map("name", "x")).isProblem(404))
                .isTrue();
        assertThat(stranger.delete(RULES + "/" + id).isProblem(404)).isTrue();
        assertThat(stranger.get(RULES).json().path("data").size()).isZero();
        assertThat(stranger.post(
                                RULES,
                                ApiClient.map("name", "借人", "strategy", "queue", "queue", "q", "members", members(a)))
                        .fieldErrors())
                .containsExactly("members[0].userId:not_found");
        assertThat(admin.get(RULES + "/" + id).string("name")).isEqualTo("规则");
    }

    @Test
    void settingsAndAbsencesAreKeptAndChecked() {
        TestTenant tenant = newTenant();
        ApiClient admin = tenant.admin();
        AssignmentFixture fx = new AssignmentFixture(admin);
        String a = fx.user("zhangsan", "张三");

        JsonNode settings = admin.get(RULES + "/settings").json();
        assertThat(settings.path("defaultOwnerId").isNull()).isTrue();
        assertThat(settings.path("defaultQueueOwnerId").asString()).isEqualTo(fx.myId());
        assertThat(settings.path("keepExistingOwner").asBoolean()).isTrue();
        assertThat(settings.path("workingHours").path("from").asString()).isEqualTo("09:00");

        ApiClient.Response bad = admin.patch(
                RULES + "/settings",
                ApiClient.map(
                        "defaultOwnerId",
                        "00000000-0000-0000-0000-000000000001",
                        "workingHours",
                        ApiClient.map("days", List.of(0, 8), "from", "18:00", "to", "9:00")));
        assertThat(bad.fieldErrors())
                .contains("defaultOwnerId:not_found", "workingHours.days:invalid_days", "workingHours.to:invalid_time");
        ApiClient.Response saved = admin.send(
                "PATCH",
                RULES + "/settings",
                ApiClient.map(
                        "defaultOwnerId",
                        a,
                        "keepExistingOwner",
                        false,
                        "workingHours",
                        ApiClient.map("days", List.of(6, 1, 2), "from", "08:30", "to", "20:00")),
                Map.of("If-Match", settings.path("version").asString()));
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        assertThat(saved.json().path("defaultQueueOwnerId").asString()).isEqualTo(a);
        assertThat(saved.json().path("workingHours").path("days").toString()).isEqualTo("[1,2,6]");
        assertThat(admin.send(
                                "PATCH",
                                RULES + "/settings",
                                ApiClient.map("keepExistingOwner", true),
                                Map.of("If-Match", settings.path("version").asString()))
                        .isProblem(409))
                .isTrue();

        ApiClient.Response absence = admin.post(
                RULES + "/absences",
                ApiClient.map("userId", a, "from", "2099-05-01", "to", "2099-05-03", "note", "年假"));
        assertThat(absence.status()).as(absence.text()).isEqualTo(201);
        assertThat(OffsetDateTime.parse(absence.string("from")).toInstant())
                .isEqualTo(OffsetDateTime.parse("2099-05-01T00:00+08:00").toInstant());
        assertThat(OffsetDateTime.parse(absence.string("to")).toInstant())
                .isEqualTo(OffsetDateTime.parse("2099-05-04T00:00+08:00").toInstant());
        assertThat(admin.get(RULES + "/absences?userId=" + a)
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);
        assertThat(admin.post(RULES + "/absences", ApiClient.map("userId", a, "from", "2099-05-03", "to", "2099-05-01"))
                        .fieldErrors())
                .containsExactly("to:not_after_from");
        assertThat(admin.post(RULES + "/absences", ApiClient.map("from", "tomorrow"))
                        .fieldErrors())
                .contains("userId:required", "from:invalid_datetime", "to:required");
        assertThat(admin.delete(RULES + "/absences/" + absence.string("id")).status())
                .isEqualTo(204);
        assertThat(admin.get(RULES + "/absences").json().path("data").size()).isZero();
    }

    @Test
    void theApiIsDescribed() {
        JsonNode docs = anonymous().get("/v3/api-docs").json();
        for (String path : List.of(
                RULES,
                RULES + "/{id}",
                RULES + "/order",
                RULES + "/test",
                RULES + "/settings",
                RULES + "/absences",
                RULES + "/absences/{id}")) {
            assertThat(docs.path("paths").has(path)).as(path).isTrue();
        }
        assertThat(docs.path("paths")
                        .path(RULES)
                        .path("post")
                        .path("requestBody")
                        .toString())
                .contains("#/components/schemas/AssignmentRuleInput");
    }
}
