package com.weavecrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public pool and hand-over pages over plain HTTP: set up a pool, return, claim, hand over. */
class PoolPagesIT extends IntegrationTest {

    @Test
    void anAdministratorSetsUpAPoolAClerkReturnsALeadAnotherClaimsItAndHandsItOver() {
        TestTenant tenant = newTenant();
        ApiClient api = tenant.admin();
        String first = user(api, "xiaoli");
        String second = user(api, "xiaowang");
        ApiClient.Response lead = api.post(
                "/api/v1/objects/lead/records", ApiClient.map("name", "页面线索", "status", "new", "ownerId", first));
        assertThat(lead.status()).as(lead.text()).isEqualTo(201);
        String leadId = lead.string("id");

        PageSession admin = new PageSession(baseUrl(), "zh-CN");
        admin.signIn(tenant.slug(), "admin", PASSWORD);
        for (String path : List.of("/pools", "/admin/pools", "/admin/pools/new")) {
            PageSession.Page page = admin.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("公海").doesNotContain("??ui.");
        }
        PageSession.Page refused = admin.post(
                "/admin/pools",
                form(
                        admin,
                        "/admin/pools/new",
                        "name",
                        "线索公海",
                        "object",
                        "lead",
                        "condition",
                        "status ==",
                        "inactiveDays",
                        "7",
                        "dailyClaimLimit",
                        "5",
                        "previousOwnerWaitDays",
                        "0",
                        "active",
                        "true"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("is-invalid", "筛选条件有误");
        PageSession.Page created = admin.post(
                "/admin/pools",
                form(
                        admin,
                        "/admin/pools/new",
                        "name",
                        "线索公海",
                        "object",
                        "lead",
                        "condition",
                        "status in [\"new\", \"contacted\"]",
                        "inactiveDays",
                        "7",
                        "dailyClaimLimit",
                        "5",
                        "previousOwnerWaitDays",
                        "0",
                        "active",
                        "true"));
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).contains("/admin/pools?toast=pool_created");
        String pool =
                api.get("/api/v1/pools").json().path("data").get(0).path("id").asString();
        PageSession.Page settings = admin.get("/admin/pools/" + pool);
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.body()).contains("线索公海", "立即回收", "status in");

        PageSession clerk = new PageSession(baseUrl(), "zh-CN");
        clerk.signIn(tenant.slug(), "xiaoli", PASSWORD);
        PageSession.Page record = clerk.get("/records/lead/" + leadId);
        assertThat(record.body()).contains("退回公海", "线索公海");
        PageSession.Page returned = clerk.post(
                "/records/lead/" + leadId + "/return-to-pool",
                form(clerk, "/records/lead/" + leadId, "poolId", pool, "reason", "暂无需求"));
        assertThat(returned.status()).isEqualTo(302);
        assertThat(returned.location()).contains("/records/lead?toast=returned_to_pool");
        assertThat(api.get("/api/v1/objects/lead/records/" + leadId)
                        .json()
                        .get("ownerId")
                        .isNull())
                .isTrue();

        PageSession other = new PageSession(baseUrl(), "zh-CN");
        other.signIn(tenant.slug(), "xiaowang", PASSWORD);
        assertThat(other.get("/pools").body()).contains("线索公海");
        PageSession.Page poolPage = other.get("/pools/" + pool);
        assertThat(poolPage.status()).isEqualTo(200);
        assertThat(poolPage.body()).contains("页面线索", "暂无需求", "今日还可领取 5 / 5", "claim-record");
        PageSession.Page claimed =
                other.post("/pools/" + pool + "/records/" + leadId + "/claim", form(other, "/pools/" + pool));
        assertThat(claimed.status()).isEqualTo(302);
        assertThat(claimed.location()).contains("/records/lead/" + leadId + "?toast=pool_claimed");
        assertThat(api.get("/api/v1/objects/lead/records/" + leadId).string("ownerId"))
                .isEqualTo(second);
        PageSession.Page again =
                other.post("/pools/" + pool + "/records/" + leadId + "/claim", form(other, "/pools/" + pool));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("这条记录刚被别人领取了");
        PageSession english = new PageSession(baseUrl(), "en");
        english.signIn(tenant.slug(), "xiaowang", PASSWORD);
        english.post("/me/language", form(english, "/", "locale", "en", "back", "/pools"));
        assertThat(english.get("/pools").body()).contains("Public pools").doesNotContain("??ui.");

        PageSession.Page userPage = admin.get("/admin/users/" + second);
        assertThat(userPage.body()).contains("离职交接");
        PageSession.Page preview = admin.get("/admin/users/" + second + "/hand-over");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("将移交的记录", "data-object=\"lead\"").doesNotContain("??ui.");
        PageSession.Page noManager = admin.post(
                "/admin/users/" + second + "/hand-over",
                form(admin, "/admin/users/" + second + "/hand-over", "to", "", "markLeft", "true"));
        assertThat(noManager.status()).isEqualTo(400);
        assertThat(noManager.body()).contains("is-invalid");
        PageSession.Page handedOver = admin.post(
                "/admin/users/" + second + "/hand-over",
                form(admin, "/admin/users/" + second + "/hand-over", "to", first, "markLeft", "true"));
        assertThat(handedOver.status()).isEqualTo(302);
        assertThat(handedOver.location()).contains("toast=handed_over");
        assertThat(api.get("/api/v1/objects/lead/records/" + leadId).string("ownerId"))
                .isEqualTo(first);
        assertThat(api.get("/api/v1/admin/users/" + second).string("status")).isEqualTo("left");
    }

    private static String user(ApiClient api, String username) {
        ApiClient.Response response = api.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username",
                        username,
                        "displayName",
                        username,
                        "password",
                        PASSWORD,
                        "roles",
                        List.of("sales")));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.string("id");
    }

    private static Map<String, String> form(PageSession session, String pagePath, String... keyValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", PageSession.csrf(session.get(pagePath)));
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put(keyValues[i], keyValues[i + 1]);
        }
        return fields;
    }
}
