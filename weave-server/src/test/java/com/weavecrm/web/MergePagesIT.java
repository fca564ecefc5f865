package com.weavecrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The merge page over plain HTTP: picking the duplicate, the side-by-side comparison with its defaults,
 * merging, the survivor's page with its undo button, old addresses of the merged record, undo, and a
 * record changed while the page was open.
 */
class MergePagesIT extends IntegrationTest {

    @Test
    void customersArePickedComparedMergedAndTheMergeUndone() {
        TestTenant tenant = newTenant();
        ApiClient api = tenant.admin();
        String keep = create(api, "customer", "name", "张伟", "company", "伟业");
        String drop = create(api, "customer", "name", "张伟", "phone", "13800138000", "company", "伟业商贸");
        String contact = create(api, "contact", "name", "张伟助理", "customerId", drop);
        PageSession admin = new PageSession(baseUrl(), "zh-CN");
        admin.signIn(tenant.slug(), "admin", PASSWORD);

        assertThat(admin.get("/customers/" + keep).body()).contains("c360-merge", "/customers/merge?ids=" + keep);
        assertThat(admin.get("/records/customer/" + keep).body()).contains("merge-record");
        PageSession.Page picker = admin.get("/customers/merge?ids=" + keep + "&q=" + enc("张伟"));
        assertThat(picker.status()).isEqualTo(200);
        assertThat(picker.body())
                .contains("再选一个客户", "merge-hit", "ids=" + keep + "," + drop)
                .doesNotContain("merge-form");

        PageSession.Page page = admin.get("/customers/merge?ids=" + keep + "," + drop);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("合并客户", "merge-form", "13800138000", "伟业商贸", "保留这条")
                .contains("name=\"f.phone\" value=\"" + drop + "\" id=\"f-phone-1\" checked")
                .contains("name=\"f.company\" value=\"" + keep + "\" id=\"f-company-0\" checked")
                .doesNotContain("name=\"f.name\"");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", PageSession.csrf(page));
        form.put("ids", keep + "," + drop);
        form.put("version." + keep, "1");
        form.put("version." + drop, "1");
        form.put("survivor", keep);
        form.put("f.phone", drop);
        form.put("f.company", drop);
        PageSession.Page merged = admin.post("/customers/merge", form);

        assertThat(merged.status()).isEqualTo(302);
        assertThat(merged.location()).contains("/customers/" + keep + "?toast=merged&merge=");
        PageSession.Page survivor = admin.get(merged.location().replace(baseUrl(), ""));
        assertThat(survivor.body()).contains("已合并", "merge-undo-button", "张伟助理", "13800138000");
        assertThat(api.get("/api/v1/objects/customer/records/" + keep).string("company"))
                .isEqualTo("伟业商贸");
        assertThat(api.get("/api/v1/objects/contact/records/" + contact).string("customerId"))
                .isEqualTo(keep);
        PageSession.Page old = admin.get("/customers/" + drop);
        assertThat(old.status()).isEqualTo(302);
        assertThat(old.location()).contains("/customers/" + keep + "?toast=merged_into");
        assertThat(admin.get("/records/customer/" + drop).location()).contains("/records/customer/" + keep);

        String mergeId = merged.location().replaceAll(".*merge=([0-9a-f-]{36}).*", "$1");
        PageSession.Page undone =
                admin.post("/customers/merge/" + mergeId + "/undo", Map.of("_csrf", PageSession.csrf(survivor)));
        assertThat(undone.status()).isEqualTo(302);
        assertThat(undone.location()).contains("/customers/" + keep + "?toast=merge_undone");
        assertThat(admin.get("/customers/" + drop).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/objects/contact/records/" + contact).string("customerId"))
                .isEqualTo(drop);
        assertThat(admin.get(undone.location().replace(baseUrl(), "")).body())
                .contains("合并已撤销")
                .doesNotContain("merge-undo-button");
    }

    @Test
    void aCustomerChangedWhileThePageWasOpenIsNotMerged() {
        TestTenant tenant = newTenant();
        ApiClient api = tenant.admin();
        String keep = create(api, "customer", "name", "李娜");
        String drop = create(api, "customer", "name", "李娜", "phone", "13900139000");
        PageSession admin = new PageSession(baseUrl(), "zh-CN");
        admin.signIn(tenant.slug(), "admin", PASSWORD);
        PageSession.Page page = admin.get("/customers/merge?ids=" + keep + "," + drop);
        api.patch("/api/v1/objects/customer/records/" + drop, ApiClient.map("phone", "13900139001"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", PageSession.csrf(page));
        form.put("ids", keep + "," + drop);
        form.put("version." + keep, "1");
        form.put("version." + drop, "1");
        form.put("survivor", keep);
        form.put("f.phone", drop);

        PageSession.Page refused = admin.post("/customers/merge", form);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("记录已被他人修改", "13900139001", "merge-form");
        assertThat(api.get("/api/v1/objects/customer/records/" + drop).status()).isEqualTo(200);
    }

    private static String create(ApiClient api, String object, Object... keyValues) {
        ApiClient.Response created = api.post("/api/v1/objects/" + object + "/records", ApiClient.map(keyValues));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.string("id");
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
