package com.weavecrm.webform;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Web forms over the API: building one, refusals naming each field, rights, tenants and the audit trail. */
class WebFormApiIT extends IntegrationTest {

    static final String FORMS = "/api/v1/web-forms";

    static Map<String, Object> springForm() {
        return ApiClient.map(
                "name",
                "春季体验课报名",
                "fields",
                List.of(
                        ApiClient.map("field", "name", "required", true),
                        ApiClient.map("field", "phone", "required", true),
                        ApiClient.map("field", "company")),
                "campaign",
                "春季体验课",
                "consentText",
                "我同意按隐私政策与我联系",
                "thankYou",
                "谢谢！我们会在一个工作日内联系您。");
    }

    @Test
    void anAdministratorBuildsChangesAndDeletesAForm() {
        TestTenant tenant = newTenant();
        ApiClient admin = tenant.admin();

        ApiClient.Response created = admin.post(FORMS, springForm());

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode form = created.json();
        String id = form.path("id").asString();
        String key = form.path("formKey").asString();
        assertThat(created.header("Location")).isEqualTo(FORMS + "/" + id);
        assertThat(key).matches("[A-Za-z0-9_-]{24}");
        assertThat(form.path("link").asString()).isEqualTo(baseUrl() + "/f/" + key);
        assertThat(form.path("qrCode").asString()).isEqualTo(FORMS + "/" + id + "/qr.png");
        assertThat(form.path("channel").asString()).isEqualTo("web_form");
        assertThat(form.path("active").asBoolean()).isTrue();
        assertThat(form.path("version").asInt()).isEqualTo(1);
        assertThat(form.path("fields").toString())
                .isEqualTo("[{\"field\":\"name\",\"required\":true},{\"field\":\"phone\",\"required\":true},"
                        + "{\"field\":\"company\",\"required\":false}]");
        assertThat(admin.get(FORMS).json().path("data").get(0).path("id").asString())
                .isEqualTo(id);
        assertThat(admin.post(FORMS, springForm()).fieldErrors()).containsExactly("name:duplicate");
        assertThat(admin.post(FORMS, ApiClient.map("name", "第二个", "fields", List.of(ApiClient.map("field", "email"))))
                        .json()
                        .path("formKey")
                        .asString())
                .isNotEqualTo(key);

        ApiClient.Response stale =
                admin.send("PATCH", FORMS + "/" + id, ApiClient.map("active", false), Map.of("If-Match", "7"));
        ApiClient.Response patched = admin.send(
                "PATCH",
                FORMS + "/" + id,
                ApiClient.map("active", false, "channel", "douyin", "consentText", null),
                Map.of("If-Match", "1"));

        assertThat(stale.isProblem(409)).isTrue();
        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(patched.json().path("version").asInt()).isEqualTo(2);
        assertThat(patched.json().path("active").asBoolean()).isFalse();
        assertThat(patched.json().path("channel").asString()).isEqualTo("douyin");
        assertThat(patched.json().path("consentText").isNull()).isTrue();
        assertThat(patched.json().path("campaign").asString()).isEqualTo("春季体验课");
        assertThat(patched.json().path("formKey").asString()).isEqualTo(key);

        assertThat(admin.delete(FORMS + "/" + id).status()).isEqualTo(204);
        assertThat(admin.get(FORMS + "/" + id).isProblem(404)).isTrue();
        assertThat(Visitors.get(baseUrl() + "/f/" + key).status()).isEqualTo(404);
        List<String> audited =
                admin.get("/api/v1/audit?object=web_form&recordId=" + id).json().path("data").values().stream()
                        .map(e -> e.path("action").asString())
                        .toList();
        assertThat(audited).containsExactlyInAnyOrder("create", "update", "delete");
    }

    @Test
    void badInputIsRefusedNamingEveryFieldAndNothingIsWritten() {
        ApiClient admin = newTenant().admin();

        ApiClient.Response bad = admin.post(
                FORMS,
                ApiClient.map(
                        "fields",
                        List.of(ApiClient.map("field", "phone"), ApiClient.map("field", "salary")),
                        "channel",
                        "telepathy",
                        "thankYou",
                        "谢".repeat(501),
                        "colour",
                        "red"));
        ApiClient.Response noContact =
                admin.post(FORMS, ApiClient.map("name", "只要名字", "fields", List.of(ApiClient.map("field", "name"))));
        ApiClient.Response twice = admin.post(
                FORMS,
                ApiClient.map(
                        "name",
                        "重复",
                        "fields",
                        List.of(ApiClient.map("field", "phone"), ApiClient.map("field", "phone"))));
        ApiClient.Response noFields = admin.post(FORMS, ApiClient.map("name", "空", "fields", List.of()));
        ApiClient.Response badItem = admin.post(
                FORMS, ApiClient.map("name", "坏", "fields", List.of(ApiClient.map("field", "phone", "x", 1))));

        assertThat(bad.isProblem(400)).isTrue();
        assertThat(bad.fieldErrors())
                .containsExactlyInAnyOrder(
                        "name:required",
                        "fields:unknown_lead_field",
                        "channel:invalid_choice",
                        "thankYou:too_long",
                        "colour:unknown_field");
        assertThat(noContact.fieldErrors()).containsExactly("fields:contact_field_needed");
        assertThat(twice.fieldErrors()).containsExactly("fields:duplicate_item");
        assertThat(noFields.fieldErrors()).containsExactly("fields:required");
        assertThat(badItem.fieldErrors()).containsExactly("fields:invalid_item");
        assertThat(admin.get(FORMS).json().path("data").size()).isZero();
        assertThat(admin.get("/api/v1/audit?object=web_form")
                        .json()
                        .path("data")
                        .size())
                .isZero();
    }

    @Test
    void onlyAdministratorsOfTheTenantReachItsForms() {
        TestTenant tenant = newTenant();
        ApiClient admin = tenant.admin();
        String id = admin.post(FORMS, springForm()).string("id");
        ApiClient.Response user = admin.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username", "xiaoli", "displayName", "小李", "password", PASSWORD, "roles", List.of("sales")));
        assertThat(user.status()).as(user.text()).isEqualTo(201);
        ApiClient clerk = login(tenant.slug(), "xiaoli", PASSWORD);
        ApiClient stranger = newTenant().admin();

        assertThat(clerk.get(FORMS).isProblem(403)).isTrue();
        assertThat(clerk.post(FORMS, springForm()).isProblem(403)).isTrue();
        assertThat(clerk.patch(FORMS + "/" + id, ApiClient.map("active", false)).isProblem(403))
                .isTrue();
        assertThat(clerk.delete(FORMS + "/" + id).isProblem(403)).isTrue();
        assertThat(stranger.get(FORMS + "/" + id).isProblem(404)).isTrue();
        assertThat(stranger.patch(FORMS + "/" + id, ApiClient.map("active", false))
                        .isProblem(404))
                .isTrue();
        assertThat(stranger.delete(FORMS + "/" + id).isProblem(404)).isTrue();
        assertThat(stranger.send("GET", FORMS + "/" + id + "/qr.png", null, Map.of("Accept", "image/png"))
                        .status())
                .isEqualTo(404);
        assertThat(stranger.get(FORMS).json().path("data").size()).isZero();
        assertThat(anonymous().get(FORMS).isProblem(401)).isTrue();
        assertThat(admin.get(FORMS + "/" + id).json().path("active").asBoolean())
                .isTrue();
    }
}
