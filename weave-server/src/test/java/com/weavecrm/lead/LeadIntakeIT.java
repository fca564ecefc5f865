package com.weavecrm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Lead intake: a lead becomes a known customer, never a duplicate, with the trace of each step. */
class LeadIntakeIT extends IntegrationTest {

    private static final String INTAKE = "/api/v1/leads/intake";

    @Test
    void aNewPersonBecomesACustomerAndTheSamePersonLaterMatchesIt() {
        ApiClient admin = newTenant().admin();
        String me = admin.get("/api/v1/me").string("id");

        ApiClient.Response first = admin.post(
                INTAKE,
                ApiClient.map(
                        "name",
                        "李娜",
                        "phone",
                        "13900001111",
                        "company",
                        "上海云启科技有限公司",
                        "channel",
                        "官网表单",
                        "utm",
                        ApiClient.map("source", "baidu", "campaign", "spring"),
                        "consent",
                        true));
        ApiClient.Response second = admin.post(
                INTAKE,
                ApiClient.map(
                        "name", "李娜", "phone", "+86 139 0000 1111", "company", "云启科技(上海)有限公司", "channel", "wecom"));

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.json().path("duplicateOf").isNull()).isTrue();
        assertThat(first.string("ownerId")).isEqualTo(me);
        assertThat(steps(first.json())).containsExactly("received", "created_customer", "assigned", "created_lead");
        assertThat(second.status()).as(second.text()).isEqualTo(201);
        assertThat(second.string("duplicateOf")).isEqualTo(first.string("customerId"));
        assertThat(second.string("customerId")).isEqualTo(first.string("customerId"));
        assertThat(steps(second.json())).containsExactly("received", "matched_customer", "assigned", "created_lead");
        assertThat(second.json().path("trace").get(1).path("reasons").toString())
                .contains("same_mobile");

        JsonNode lead = admin.get("/api/v1/objects/lead/records/" + first.string("leadId"))
                .json();
        assertThat(lead.path("channel").asString()).isEqualTo("web_form");
        assertThat(lead.path("customerId").asString()).isEqualTo(first.string("customerId"));
        assertThat(lead.path("status").asString()).isEqualTo("new");
        assertThat(admin.get("/api/v1/objects/lead/records/" + second.string("leadId"))
                        .json()
                        .path("channel")
                        .asString())
                .isEqualTo("wecom");
        assertThat(total(admin, "customer")).isEqualTo(1);
        assertThat(total(admin, "lead")).isEqualTo(2);
        ApiClient.Response trace = admin.get("/api/v1/leads/" + first.string("leadId") + "/trace");
        assertThat(trace.json().path("trace")).isEqualTo(first.json().path("trace"));
    }

    @Test
    void badInputIsRefusedWithEveryFieldAndNothingIsCreated() {
        ApiClient admin = newTenant().admin();

        ApiClient.Response none = admin.post(INTAKE, ApiClient.map("name", "王芳", "channel", "官网表单"));
        ApiClient.Response malformed = admin.post(
                INTAKE,
                ApiClient.map(
                        "phone",
                        "138-xxxx",
                        "email",
                        "not-an-address",
                        "colour",
                        "red",
                        "utm",
                        ApiClient.map("source", 3)));

        assertThat(none.isProblem(400)).isTrue();
        assertThat(none.fieldErrors())
                .containsExactlyInAnyOrder(
                        "phone:one_of_required", "email:one_of_required", "wechatId:one_of_required");
        assertThat(malformed.isProblem(400)).isTrue();
        assertThat(malformed.fieldErrors())
                .containsExactlyInAnyOrder(
                        "phone:invalid_phone",
                        "email:invalid_format",
                        "colour:unknown_field",
                        "utm.source:invalid_type");
        assertThat(total(admin, "customer")).isZero();
        assertThat(total(admin, "lead")).isZero();
    }

    @Test
    void theSameSubmissionTwiceCreatesNothingNew() {
        ApiClient admin = newTenant().admin();
        Map<String, Object> body = ApiClient.map("name", "赵敏", "wechatId", "zhaomin599", "channel", "douyin");

        ApiClient.Response first = admin.post(INTAKE, body);
        ApiClient.Response again = admin.post(INTAKE, body);
        ApiClient.Response keyed = admin.send(
                "POST",
                INTAKE,
                ApiClient.map("name", "周芷若", "phone", "13600001234"),
                Map.of("Idempotency-Key", "form-42"));
        ApiClient.Response keyedAgain = admin.send(
                "POST",
                INTAKE,
                ApiClient.map("name", "周芷若", "phone", "13600001234"),
                Map.of("Idempotency-Key", "form-42"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.string("leadId")).isEqualTo(first.string("leadId"));
        assertThat(keyedAgain.string("leadId")).isEqualTo(keyed.string("leadId"));
        assertThat(total(admin, "lead")).isEqualTo(2);
        assertThat(total(admin, "customer")).isEqualTo(2);
    }

    @Test
    void intakeNeedsTheRightsToCreateAndOutsidersSeeNoTrace() {
        TestTenant tenant = newTenant();
        ApiClient admin = tenant.admin();
        ApiClient.Response created = admin.post(INTAKE, ApiClient.map("name", "陈一诺", "phone", "13986754871"));
        admin.post(
                "/api/v1/admin/roles",
                ApiClient.map(
                        "apiName",
                        "viewer",
                        "label",
                        "只读",
                        "permissions",
                        List.of(
                                ApiClient.map("object", "lead", "actions", List.of("read"), "scope", "own"),
                                ApiClient.map("object", "customer", "actions", List.of("read"), "scope", "own"))));
        admin.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username", "viewer", "displayName", "只读", "password", PASSWORD, "roles", List.of("viewer")));
        ApiClient viewer = login(tenant.slug(), "viewer", PASSWORD);

        assertThat(viewer.post(INTAKE, ApiClient.map("name", "x", "phone", "13700001234"))
                        .isProblem(403))
                .isTrue();
        assertThat(viewer.get("/api/v1/leads/" + created.string("leadId") + "/trace")
                        .isProblem(404))
                .isTrue();
        assertThat(newTenant()
                        .admin()
                        .get("/api/v1/leads/" + created.string("leadId") + "/trace")
                        .isProblem(404))
                .isTrue();
    }

    private static long total(ApiClient client, String object) {
        return client.get("/api/v1/objects/" + object + "/records?count=true")
                .json()
                .path("total")
                .asLong();
    }

    private static List<String> steps(JsonNode result) {
        List<String> steps = new ArrayList<>();
        result.path("trace").forEach(s -> steps.add(s.path("step").asString()));
        return steps;
    }
}
