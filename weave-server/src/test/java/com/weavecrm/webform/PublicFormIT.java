package com.weavecrm.webform;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The public side of web forms over real HTTP, without a session: the page in both languages, a
 * submission that becomes an assigned lead with the form's channel, UTM and consent, refusals shown on
 * the page, the honeypot, the page token, the rate limit, unknown and inactive keys.
 */
class PublicFormIT extends IntegrationTest {

    @Test
    void aVisitorsSubmissionBecomesALeadAssignedByTheRules() {
        ApiClient admin = newTenant().admin();
        String seller = seller(admin, "wangfang", "王芳");
        ApiClient.Response rule = admin.post(
                "/api/v1/assignment-rules",
                ApiClient.map(
                        "name",
                        "百度来的官网线索",
                        "condition",
                        "channel == \"web_form\" && utmSource == \"baidu\"",
                        "strategy",
                        "round_robin",
                        "members",
                        List.of(ApiClient.map("userId", seller))));
        assertThat(rule.status()).as(rule.text()).isEqualTo(201);
        JsonNode form =
                admin.post(WebFormApiIT.FORMS, WebFormApiIT.springForm()).json();
        String key = form.path("formKey").asString();

        Visitors.Page page =
                Visitors.get(baseUrl() + "/f/" + key + "?utm_source=baidu&utm_medium=cpc&utm_campaign=spring");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("春季体验课报名", "<label for=\"f-phone\"", "我同意按隐私政策与我联系", "name=\"websiteUrl\"")
                .contains("name=\"utm_source\" value=\"baidu\"")
                .doesNotContain("_csrf");
        assertThat(Visitors.get(baseUrl() + "/f/" + key + "?lang=en").body()).contains("Phone", "Send");
        assertThat(Visitors.get(baseUrl() + "/f/" + key, "Accept-Language", "en-US,en;q=0.9")
                        .body())
                .contains("Phone");

        Visitors.Page sent = Visitors.fill(
                baseUrl(),
                key,
                "?utm_source=baidu&utm_medium=cpc&utm_campaign=spring",
                Map.of("name", "李娜", "phone", "139 0000 2222", "company", "云启科技", "consent", "true"));

        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        assertThat(sent.header("Location")).endsWith("/f/" + key + "/thanks");
        assertThat(Visitors.get(baseUrl() + "/f/" + key + "/thanks").body()).contains("谢谢！我们会在一个工作日内联系您。");
        JsonNode leads =
                admin.get("/api/v1/objects/lead/records?limit=10").json().path("data");
        assertThat(leads.size()).isEqualTo(1);
        JsonNode lead = leads.get(0);
        assertThat(lead.path("name").asString()).isEqualTo("李娜");
        assertThat(lead.path("channel").asString()).isEqualTo("web_form");
        assertThat(lead.path("campaign").asString()).isEqualTo("春季体验课");
        assertThat(lead.path("ownerId").asString()).isEqualTo(seller);
        assertThat(admin.get("/api/v1/objects/customer/records/"
                                + lead.path("customerId").asString())
                        .string("ownerId"))
                .as("the new customer belongs to whoever got the lead")
                .isEqualTo(seller);
        JsonNode trace = admin.get("/api/v1/leads/" + lead.path("id").asString() + "/trace")
                .json();
        JsonNode received = trace.path("trace").get(0);
        assertThat(received.path("utm").path("source").asString()).isEqualTo("baidu");
        assertThat(received.path("utm").path("medium").asString()).isEqualTo("cpc");
        assertThat(received.path("utm").path("campaign").asString()).isEqualTo("spring");
        assertThat(received.path("consent").asBoolean()).isTrue();
        assertThat(received.path("form").path("id").asString())
                .isEqualTo(form.path("id").asString());
        assertThat(received.path("form").path("name").asString()).isEqualTo("春季体验课报名");
        assertThat(trace.path("ownerId").asString()).isEqualTo(seller);
        assertThat(trace.toString()).contains("百度来的官网线索");
    }

    @Test
    void refusedInputShowsTheFormAgainWithEachFieldsErrorAndCreatesNothing() {
        ApiClient admin = newTenant().admin();
        String key = admin.post(WebFormApiIT.FORMS, WebFormApiIT.springForm()).string("formKey");

        Visitors.Page missing = Visitors.fill(baseUrl(), key, "", Map.of("company", "云启科技"));
        Visitors.Page unreadable =
                Visitors.fill(baseUrl(), key, "?lang=en", Map.of("name", "Li", "phone", "12", "consent", "true"));
        Visitors.Page noToken =
                Visitors.post(baseUrl() + "/f/" + key, Map.of("name", "李娜", "phone", "13900002222", "consent", "true"));
        Visitors.Page forged = Visitors.post(
                baseUrl() + "/f/" + key,
                Map.of("_ft", "v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "name", "李娜", "phone", "13900002222"));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body())
                .contains("id=\"name-error\"", "id=\"phone-error\"", "id=\"consent-error\"", "必填")
                .contains("value=\"云启科技\"");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.body()).contains("id=\"phone-error\"", "Send");
        assertThat(noToken.status()).isEqualTo(400);
        assertThat(noToken.body()).contains("页面已过期", "value=\"李娜\"");
        assertThat(forged.status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/objects/lead/records").json().path("data").size())
                .isZero();
    }

    @Test
    void theHoneypotCreatesNothingAndTheEleventhSubmissionOfAMinuteIsRefused() {
        ApiClient admin = newTenant().admin();
        String key = admin.post(WebFormApiIT.FORMS, WebFormApiIT.springForm()).string("formKey");
        Map<String, String> bot =
                Map.of("name", "Bot", "phone", "13900003333", "consent", "true", "websiteUrl", "http://spam.example");

        for (int i = 0; i < 10; i++) {
            Visitors.Page caught = Visitors.fill(baseUrl(), key, "", bot);
            assertThat(caught.status()).as("submission " + (i + 1)).isEqualTo(302);
            assertThat(caught.header("Location")).endsWith("/thanks");
        }
        Visitors.Page limited = Visitors.fill(baseUrl(), key, "", bot);
        ApiClient.Response viaApi = anonymous()
                .send(
                        "POST",
                        "/api/v1/leads/intake",
                        ApiClient.map("name", "李娜", "phone", "13900004444"),
                        Map.of("X-Form-Key", key));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).matches("[1-9][0-9]?");
        assertThat(limited.body()).contains("提交过于频繁");
        assertThat(viaApi.isProblem(429)).isTrue();
        assertThat(admin.get("/api/v1/objects/lead/records").json().path("data").size())
                .isZero();
        assertThat(admin.get("/api/v1/objects/customer/records")
                        .json()
                        .path("data")
                        .size())
                .isZero();
    }

    @Test
    void unknownAndInactiveKeysAreNotFound() {
        ApiClient admin = newTenant().admin();
        JsonNode form =
                admin.post(WebFormApiIT.FORMS, WebFormApiIT.springForm()).json();
        String key = form.path("formKey").asString();
        admin.patch(WebFormApiIT.FORMS + "/" + form.path("id").asString(), ApiClient.map("active", false));

        assertThat(Visitors.get(baseUrl() + "/f/" + key).status()).isEqualTo(404);
        assertThat(Visitors.get(baseUrl() + "/f/" + key).body()).contains("表单不存在或已停用");
        assertThat(Visitors.post(baseUrl() + "/f/" + key, Map.of("phone", "13900005555"))
                        .status())
                .isEqualTo(404);
        assertThat(Visitors.get(baseUrl() + "/f/AAAAAAAAAAAAAAAAAAAAAAAA").status())
                .isEqualTo(404);
        assertThat(Visitors.get(baseUrl() + "/f/not-a-key").status()).isEqualTo(404);
        assertThat(Visitors.get(baseUrl() + "/f/" + key.toLowerCase() + "x").status())
                .isEqualTo(404);
    }

    static String seller(ApiClient admin, String username, String displayName) {
        ApiClient.Response user = admin.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username",
                        username,
                        "displayName",
                        displayName,
                        "password",
                        PASSWORD,
                        "roles",
                        List.of("sales")));
        assertThat(user.status()).as(user.text()).isEqualTo(201);
        return user.string("id");
    }
}
