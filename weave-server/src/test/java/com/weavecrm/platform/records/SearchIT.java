package com.weavecrm.platform.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SearchIT extends IntegrationTest {

    TestTenant tenant;
    ApiClient admin;
    String cid;

    @BeforeEach
    void customers() {
        tenant = newTenant();
        admin = tenant.admin();
        cid = admin.post(
                        "/api/v1/objects/customer/records",
                        ApiClient.map(
                                "name",
                                "张伟",
                                "phone",
                                "138-0013-8000",
                                "company",
                                "上海云启科技有限公司",
                                "idNumber",
                                "310101199001011234"))
                .string("cid");
        admin.post("/api/v1/objects/customer/records", ApiClient.map("name", "章伟", "email", "zw@example.cn"));
        admin.post("/api/v1/objects/customer/records", ApiClient.map("name", "李娜", "phone", "13900001111"));
        admin.post("/api/v1/objects/contact/records", ApiClient.map("name", "赵薇", "phone", "13700002222"));
    }

    @Test
    void findsByPinyinInitialsNamePhoneCidAndCompany() {
        assertThat(titles("zw")).contains("张伟", "章伟", "赵薇");
        assertThat(titles("zhangwei")).containsExactlyInAnyOrder("张伟", "章伟"); // 章 reads zhang too
        assertThat(titles("张伟")).containsExactly("张伟");
        assertThat(titles("13800138000")).containsExactly("张伟");
        assertThat(titles("0013")).containsExactly("张伟");
        assertThat(titles(cid.toLowerCase())).containsExactly("张伟");
        assertThat(titles("云启")).containsExactly("张伟");
        assertThat(titles("ln")).containsExactly("李娜");
        ApiClient.Response hit = admin.get("/api/v1/search?q=zw");
        assertThat(hit.json().path("data").get(0).path("subtitle").asString()).isNotBlank();
        assertThat(admin.get("/api/v1/search?q=").fieldErrors()).containsExactly("q:required");
        assertThat(titles("100%")).isEmpty();
    }

    @Test
    void searchRespectsScopeAndHiddenFields() {
        admin.post(
                "/api/v1/admin/roles",
                ApiClient.map(
                        "apiName",
                        "clerk",
                        "label",
                        "店员",
                        "permissions",
                        List.of(ApiClient.map(
                                "object", "customer", "actions", List.of("read", "create"), "scope", "own")),
                        "fieldAccess",
                        List.of(ApiClient.map("object", "customer", "field", "phone", "access", "hidden"))));
        admin.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username", "clerk", "displayName", "店员", "password", PASSWORD, "roles", List.of("clerk")));
        ApiClient clerk = login(tenant.slug(), "clerk", PASSWORD);
        String clerkId = clerk.get("/api/v1/me").string("id");
        admin.post(
                "/api/v1/objects/customer/records",
                ApiClient.map("name", "张伟伟", "phone", "13612345678", "ownerId", clerkId));
        List<String> found = clerk.get("/api/v1/search?q=" + enc("zw")).json().path("data").values().stream()
                .map(h -> h.path("title").asString())
                .toList();
        assertThat(found).as(clerk.get("/api/v1/search?q=zw").text()).containsExactly("张伟伟");
        assertThat(clerk.get("/api/v1/search?q=13612345678").json().path("data").isEmpty())
                .isTrue();
        assertThat(clerk.get("/api/v1/search?q=" + enc("张伟伟"))
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);
    }

    private List<String> titles(String q) {
        return admin.get("/api/v1/search?q=" + enc(q)).json().path("data").values().stream()
                .map(h -> h.path("title").asString())
                .toList();
    }

    private static String enc(String q) {
        return URLEncoder.encode(q, StandardCharsets.UTF_8);
    }
}
