package com.weavecrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The duplicates page (scan, pairs with reasons, merge link) and a lead's source and deadlines panel. */
class LeadPagesIT extends IntegrationTest {

    @Test
    void aScanStartedFromThePageShowsItsPairsWithReasons() throws Exception {
        TestTenant tenant = newTenant();
        tenant.admin().post("/api/v1/objects/customer/records", ApiClient.map("name", "刘海涛", "phone", "13153180330"));
        tenant.admin()
                .post("/api/v1/objects/customer/records", ApiClient.map("name", "劉海濤", "phone", "+86 131 5318 0330"));
        tenant.admin().post("/api/v1/objects/customer/records", ApiClient.map("name", "王芳", "phone", "13700001111"));
        PageSession admin = signIn(tenant, "zh-CN");

        PageSession.Page index = admin.get("/duplicates");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).contains("scan-form", "重复数据");
        PageSession.Page started =
                admin.post("/duplicates/scans", Map.of("_csrf", PageSession.csrf(index), "object", "customer"));
        assertThat(started.status()).isEqualTo(302);
        String scan = started.location().replaceFirst("^https?://[^/]+", "");
        PageSession.Page page = admin.get(scan);
        Instant until = Instant.now().plusSeconds(60);
        while (!page.body().contains("data-status=\"done\"") && Instant.now().isBefore(until)) {
            Thread.sleep(300);
            page = admin.get(scan);
        }

        assertThat(page.body())
                .contains("刘海涛", "劉海濤", "手机号相同（规范化后）", "/customers/merge?ids=")
                .doesNotContain("王芳");
        admin.post("/me/language", Map.of("_csrf", PageSession.csrf(page), "locale", "en", "back", scan));
        assertThat(admin.get(scan).body()).contains("Same mobile number after normalisation", "Merge");
        assertThat(admin.post("/duplicates/scans", Map.of("_csrf", PageSession.csrf(index), "object", "deal"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aLeadShowsWhereItCameFromAndItsDeadlinesWhichTheOwnerConfirms() {
        TestTenant tenant = newTenant();
        tenant.admin().post("/api/v1/follow-up/policies", ApiClient.map("name", "全部", "firstResponseMinutes", 30));
        String lead = tenant.admin()
                .post("/api/v1/leads/intake", ApiClient.map("name", "赵敏", "phone", "13900002222", "channel", "抖音"))
                .string("leadId");
        PageSession admin = signIn(tenant, "zh-CN");

        assertThat(admin.get("/records/lead/" + lead).body()).contains("/leads/" + lead + "/panel");
        PageSession.Page panel = admin.get("/leads/" + lead + "/panel");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body()).contains("新建客户", "由提交人负责", "首次响应", "进行中", "lead-confirm");
        PageSession.Page confirmed =
                admin.post("/leads/" + lead + "/confirm", Map.of("_csrf", PageSession.csrf(panel)));
        assertThat(confirmed.status()).isEqualTo(302);
        assertThat(confirmed.location()).contains("toast=lead_confirmed");
        assertThat(admin.get("/leads/" + lead + "/panel").body())
                .contains("已完成", "confirmed")
                .doesNotContain("lead-confirm");
        assertThat(signIn(newTenant(), "zh-CN").get("/leads/" + lead + "/panel").status())
                .isEqualTo(404);
    }

    private PageSession signIn(TestTenant tenant, String language) {
        PageSession session = new PageSession(baseUrl(), language);
        session.signIn(tenant.slug(), "admin", PASSWORD);
        return session;
    }
}
