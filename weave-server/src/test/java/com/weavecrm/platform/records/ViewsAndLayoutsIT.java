package com.weavecrm.platform.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ViewsAndLayoutsIT extends IntegrationTest {

    TestTenant tenant;
    ApiClient admin;
    ApiClient clerk;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
        admin = tenant.admin();
        admin.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username", "clerk", "displayName", "店员", "password", PASSWORD, "roles", List.of("sales")));
        clerk = login(tenant.slug(), "clerk", PASSWORD);
        for (String name : List.of("张伟", "王芳", "李娜")) {
            admin.post(
                    "/api/v1/objects/customer/records",
                    ApiClient.map("name", name, "channel", name.equals("王芳") ? "douyin" : "store"));
        }
    }

    @Test
    void savedViewsArePrivateOrSharedAndApplyTheirFilterSortAndColumns() {
        ApiClient.Response view = admin.post(
                "/api/v1/objects/customer/views",
                ApiClient.map(
                        "name",
                        "门店来源",
                        "filter",
                        "channel == \"store\"",
                        "sort",
                        "name",
                        "fields",
                        "name,channel",
                        "kanbanField",
                        "channel"));
        assertThat(view.status()).as(view.text()).isEqualTo(201);
        JsonNode page = admin.get("/api/v1/objects/customer/records?view=" + view.string("id"))
                .json();
        assertThat(page.path("data").values())
                .extracting(r -> r.path("name").asString())
                .containsExactly("张伟", "李娜");
        assertThat(List.copyOf(page.path("data").get(0).propertyNames()))
                .containsExactly("id", "version", "name", "channel");
        JsonNode combined = admin.get("/api/v1/objects/customer/records?view=" + view.string("id") + "&filter="
                        + java.net.URLEncoder.encode("name.startsWith(\"李\")", java.nio.charset.StandardCharsets.UTF_8))
                .json();
        assertThat(combined.path("data").size()).isEqualTo(1);

        assertThat(clerk.get("/api/v1/objects/customer/views")
                        .json()
                        .path("data")
                        .isEmpty())
                .isTrue();
        assertThat(clerk.get("/api/v1/objects/customer/records?view=" + view.string("id"))
                        .isProblem(404))
                .isTrue();
        assertThat(admin.patch(
                                "/api/v1/objects/customer/views/" + view.string("id"),
                                ApiClient.map("visibility", "role", "role", "sales"))
                        .status())
                .isEqualTo(200);
        assertThat(clerk.get("/api/v1/objects/customer/views")
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);
        assertThat(clerk.delete("/api/v1/objects/customer/views/" + view.string("id"))
                        .isProblem(403))
                .isTrue();
        assertThat(clerk.post("/api/v1/objects/customer/views", ApiClient.map("name", "大家的", "visibility", "tenant"))
                        .isProblem(403))
                .isTrue();
        ApiClient.Response mine = clerk.post("/api/v1/objects/customer/views", ApiClient.map("name", "我的客户"));
        assertThat(mine.status()).isEqualTo(201);
        assertThat(admin.get("/api/v1/objects/customer/views")
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void badViewsAreRefusedWithEveryReason() {
        ApiClient.Response bad = admin.post(
                "/api/v1/objects/customer/views",
                ApiClient.map(
                        "filter",
                        "nosuch == 1",
                        "sort",
                        "tags",
                        "fields",
                        "name,nosuch",
                        "kanbanField",
                        "name",
                        "visibility",
                        "everyone"));
        assertThat(bad.fieldErrors()).contains("name:required", "visibility:invalid_format");
        ApiClient.Response bad2 = admin.post(
                "/api/v1/objects/customer/views",
                ApiClient.map(
                        "name",
                        "x",
                        "filter",
                        "nosuch == 1",
                        "sort",
                        "tags",
                        "fields",
                        "name,nosuch",
                        "kanbanField",
                        "name"));
        assertThat(bad2.fieldErrors())
                .containsExactlyInAnyOrder(
                        "filter:invalid_filter",
                        "sort:unknown_field",
                        "fields:unknown_field",
                        "kanbanField:not_a_picklist");
    }

    @Test
    void formLayoutsArrangeTheFieldsAndAreValidated() {
        JsonNode layout = admin.get("/api/v1/objects/customer/layout").json();
        assertThat(layout.path("sections").get(0).path("fields").size()).isGreaterThan(10);
        ApiClient.Response saved = admin.send(
                "PUT",
                "/api/v1/objects/customer/layout",
                ApiClient.map(
                        "sections",
                        List.of(
                                ApiClient.map(
                                        "title",
                                        ApiClient.map("zh-CN", "联系方式", "en", "Contact"),
                                        "columns",
                                        2,
                                        "fields",
                                        List.of("name", "phone", "email", "wechatId")),
                                ApiClient.map(
                                        "title",
                                        "企业信息",
                                        "columns",
                                        1,
                                        "fields",
                                        List.of("company", "industry"),
                                        "visibleIf",
                                        "kind == \"company\""))),
                java.util.Map.of());
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        assertThat(saved.json().path("sections").get(1).path("visibleIf").asString())
                .isEqualTo("kind == \"company\"");
        ApiClient.Response bad = admin.send(
                "PUT",
                "/api/v1/objects/customer/layout",
                ApiClient.map(
                        "sections",
                        List.of(ApiClient.map(
                                "title",
                                "x",
                                "columns",
                                3,
                                "fields",
                                List.of("name", "name", "nosuch"),
                                "visibleIf",
                                "kind =="))),
                java.util.Map.of());
        assertThat(bad.fieldErrors())
                .contains(
                        "sections[0].columns:out_of_range",
                        "sections[0].fields:duplicate",
                        "sections[0].fields:unknown_field",
                        "sections[0].visibleIf:invalid_filter");
        assertThat(clerk.send(
                                "PUT",
                                "/api/v1/objects/customer/layout",
                                ApiClient.map("sections", List.of()),
                                java.util.Map.of())
                        .isProblem(403))
                .isTrue();
        assertThat(clerk.get("/api/v1/objects/customer/layout")
                        .json()
                        .path("sections")
                        .size())
                .isEqualTo(2);
    }
}
