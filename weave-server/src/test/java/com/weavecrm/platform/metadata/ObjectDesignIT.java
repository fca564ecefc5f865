package com.weavecrm.platform.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ObjectDesignIT extends IntegrationTest {

    ApiClient admin;
    TestTenant tenant;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
        admin = tenant.admin();
    }

    @Test
    void everyTenantHasTheStandardObjects() {
        List<String> objects = admin.get("/api/v1/objects").json().path("data").values().stream()
                .map(o -> o.path("apiName").asString())
                .toList();
        assertThat(objects)
                .contains("customer", "contact", "lead", "deal", "activity", "task", "ticket", "product", "store");
        JsonNode customer = admin.get("/api/v1/objects/customer").json();
        assertThat(customer.path("label").asString()).isEqualTo("客户");
        assertThat(fieldNames(customer))
                .contains(
                        "cid",
                        "name",
                        "kind",
                        "company",
                        "phone",
                        "email",
                        "wechatId",
                        "idNumber",
                        "gender",
                        "birthday",
                        "region",
                        "address",
                        "industry",
                        "channel",
                        "storeId",
                        "tags");
        JsonNode cid = field(customer, "cid");
        assertThat(cid.path("readOnly").asBoolean()).isTrue();
        assertThat(cid.path("unique").asBoolean()).isTrue();
    }

    @Test
    void createsACustomObjectWithOneFieldOfEachType() {
        ApiClient.Response created = admin.post(
                "/api/v1/objects",
                ApiClient.map(
                        "apiName",
                        "trial_lesson",
                        "label",
                        ApiClient.map("zh-CN", "试听课", "en", "Trial lesson"),
                        "labelPlural",
                        "试听课"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("label")).isEqualTo("试听课");
        List<Map<String, Object>> fields = List.of(
                ApiClient.map("apiName", "title", "label", "课程", "type", "text", "maxLength", 50, "required", true),
                ApiClient.map("apiName", "notes", "label", "备注", "type", "long_text"),
                ApiClient.map("apiName", "seats", "label", "名额", "type", "integer"),
                ApiClient.map("apiName", "ratio", "label", "比例", "type", "decimal", "scale", 3),
                ApiClient.map("apiName", "fee", "label", "费用", "type", "money"),
                ApiClient.map("apiName", "discount", "label", "折扣", "type", "percent"),
                ApiClient.map("apiName", "paid", "label", "已付", "type", "boolean"),
                ApiClient.map("apiName", "lesson_date", "label", "日期", "type", "date"),
                ApiClient.map("apiName", "starts_at", "label", "开始", "type", "datetime"),
                ApiClient.map(
                        "apiName",
                        "status",
                        "label",
                        "状态",
                        "type",
                        "picklist",
                        "values",
                        List.of(
                                ApiClient.map(
                                        "value",
                                        "open",
                                        "label",
                                        ApiClient.map("zh-CN", "开放", "en", "Open"),
                                        "color",
                                        "#22aa55"),
                                ApiClient.map("value", "closed", "label", "关闭"))),
                ApiClient.map(
                        "apiName",
                        "levels",
                        "label",
                        "级别",
                        "type",
                        "multi_picklist",
                        "values",
                        List.of("a1", "a2", "b1")),
                ApiClient.map("apiName", "contact_phone", "label", "电话", "type", "phone"),
                ApiClient.map("apiName", "contact_email", "label", "邮箱", "type", "email"),
                ApiClient.map("apiName", "homepage", "label", "主页", "type", "url"),
                ApiClient.map("apiName", "area", "label", "地区", "type", "region"),
                ApiClient.map("apiName", "customer_ref", "label", "客户", "type", "lookup", "target", "customer"),
                ApiClient.map("apiName", "teacher", "label", "老师", "type", "user"));
        for (Map<String, Object> field : fields) {
            ApiClient.Response response = admin.post("/api/v1/objects/trial_lesson/fields", field);
            assertThat(response.status()).as(field + " " + response.text()).isEqualTo(201);
        }
        JsonNode object = admin.get("/api/v1/objects/trial_lesson").json();
        assertThat(fieldNames(object)).hasSize(fields.size());
        assertThat(field(object, "status").path("values").get(0).path("label").asString())
                .isEqualTo("开放");
        assertThat(field(object, "ratio").path("scale").asInt()).isEqualTo(3);
        assertThat(field(object, "customer_ref").path("target").asString()).isEqualTo("customer");
        assertThat(admin.get("/api/v1/audit?object=metadata")
                        .json()
                        .path("data")
                        .size())
                .isGreaterThanOrEqualTo(fields.size());
    }

    @Test
    void invalidDefinitionsAreRefusedWithTheirReason() {
        admin.post("/api/v1/objects", ApiClient.map("apiName", "course", "label", "课程"));
        ApiClient.Response bad = admin.post(
                "/api/v1/objects/course/fields", ApiClient.map("apiName", "Bad Name", "type", "colour", "extra", 1));
        assertThat(bad.fieldErrors())
                .contains("apiName:invalid_format", "type:invalid_type_name", "extra:unknown_field", "label:required");
        for (String reserved : List.of("owner_id", "ownerId", "created_at", "id", "tenant_id", "version")) {
            ApiClient.Response response = admin.post(
                    "/api/v1/objects/course/fields", ApiClient.map("apiName", reserved, "label", "x", "type", "text"));
            assertThat(response.status()).as(reserved).isEqualTo(400);
        }
        admin.post("/api/v1/objects/course/fields", ApiClient.map("apiName", "code", "label", "编码", "type", "text"));
        assertThat(admin.post(
                                "/api/v1/objects/course/fields",
                                ApiClient.map("apiName", "code", "label", "x", "type", "text"))
                        .isProblem(409))
                .isTrue();
        assertThat(admin.post(
                                "/api/v1/objects/course/fields",
                                ApiClient.map("apiName", "ref", "label", "x", "type", "lookup", "target", "nosuch"))
                        .fieldErrors())
                .containsExactly("target:unknown_object");
        assertThat(admin.post(
                                "/api/v1/objects/course/fields",
                                ApiClient.map("apiName", "st", "label", "x", "type", "picklist"))
                        .fieldErrors())
                .containsExactly("values:required");
        assertThat(admin.post("/api/v1/objects", ApiClient.map("apiName", "course", "label", "x"))
                        .isProblem(409))
                .isTrue();
        assertThat(admin.post("/api/v1/objects", ApiClient.map("apiName", "user", "label", "x"))
                        .fieldErrors())
                .containsExactly("apiName:reserved");
    }

    @Test
    void safeChangesWorkAndChangesThatLoseDataAreRefused() {
        admin.post("/api/v1/objects", ApiClient.map("apiName", "course", "label", "课程"));
        admin.post(
                "/api/v1/objects/course/fields",
                ApiClient.map("apiName", "title", "label", "名称", "type", "text", "maxLength", 10));
        admin.post(
                "/api/v1/objects/course/fields",
                ApiClient.map("apiName", "level", "label", "级别", "type", "picklist", "values", List.of("a", "b", "c")));
        admin.post(
                "/api/v1/objects/course/fields", ApiClient.map("apiName", "hours", "label", "课时", "type", "integer"));
        admin.post(
                "/api/v1/objects/course/fields",
                ApiClient.map(
                        "apiName", "days", "label", "上课日", "type", "multi_picklist", "values", List.of("mon", "tue")));
        admin.post(
                "/api/v1/objects/course/records",
                ApiClient.map("title", "1234567890", "level", "b", "hours", 12, "days", List.of("tue")));

        assertThat(admin.patch("/api/v1/objects/course/fields/title", ApiClient.map("maxLength", 100))
                        .status())
                .isEqualTo(200);
        assertThat(admin.patch("/api/v1/objects/course/fields/title", ApiClient.map("maxLength", 5))
                        .fieldErrors())
                .containsExactly("maxLength:would_lose_data");
        assertThat(admin.patch("/api/v1/objects/course/fields/level", ApiClient.map("values", List.of("a", "c")))
                        .fieldErrors())
                .containsExactly("values:values_in_use");
        assertThat(admin.patch("/api/v1/objects/course/fields/level", ApiClient.map("values", List.of()))
                        .fieldErrors())
                .containsExactly("values:required");
        assertThat(admin.patch("/api/v1/objects/course/fields/days", ApiClient.map("values", List.of("mon")))
                        .fieldErrors())
                .containsExactly("values:values_in_use");
        assertThat(admin.patch("/api/v1/objects/course/fields/days", ApiClient.map("values", List.of()))
                        .fieldErrors())
                .containsExactly("values:values_in_use");
        assertThat(admin.patch(
                                "/api/v1/objects/course/fields/level",
                                ApiClient.map("values", List.of("a", "b", "c", "d")))
                        .status())
                .isEqualTo(200);
        assertThat(admin.patch("/api/v1/objects/course/fields/hours", ApiClient.map("type", "boolean"))
                        .fieldErrors())
                .containsExactly("type:unsafe_type_change");
        ApiClient.Response widened =
                admin.patch("/api/v1/objects/course/fields/hours", ApiClient.map("type", "decimal"));
        assertThat(widened.string("type")).isEqualTo("decimal");
        JsonNode record =
                admin.get("/api/v1/objects/course/records").json().path("data").get(0);
        assertThat(record.path("hours").asString()).isEqualTo("12.00");
        assertThat(record.path("title").asString()).isEqualTo("1234567890");
        assertThat(admin.delete("/api/v1/objects/customer/fields/name").isProblem(422))
                .isTrue();
        assertThat(admin.delete("/api/v1/objects/course/fields/hours").status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/objects/course/records")
                        .json()
                        .path("data")
                        .get(0)
                        .has("hours"))
                .isFalse();
    }

    @Test
    void onlyDesignersChangeObjectsAndEachUserSeesWhatTheyMayRead() {
        admin.post(
                "/api/v1/admin/roles",
                ApiClient.map(
                        "apiName",
                        "clerk",
                        "label",
                        "店员",
                        "permissions",
                        List.of(ApiClient.map("object", "customer", "actions", List.of("read"), "scope", "own")),
                        "fieldAccess",
                        List.of(
                                ApiClient.map("object", "customer", "field", "idNumber", "access", "hidden"),
                                ApiClient.map("object", "customer", "field", "phone", "access", "read_only"))));
        admin.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username", "clerk", "displayName", "店员", "password", PASSWORD, "roles", List.of("clerk")));
        ApiClient clerk = login(tenant.slug(), "clerk", PASSWORD);
        assertThat(clerk.post("/api/v1/objects", ApiClient.map("apiName", "x1", "label", "x"))
                        .isProblem(403))
                .isTrue();
        JsonNode objects = clerk.get("/api/v1/objects").json().path("data");
        assertThat(objects.values())
                .extracting(o -> o.path("apiName").asString())
                .containsExactly("customer");
        JsonNode customer = objects.get(0);
        assertThat(fieldNames(customer)).doesNotContain("idNumber");
        assertThat(field(customer, "phone").path("readOnly").asBoolean()).isTrue();
        assertThat(field(customer, "name").path("readOnly").asBoolean()).isTrue(); // no update right
        assertThat(clerk.get("/api/v1/objects/deal").isProblem(404)).isTrue();
        assertThat(clerk.get("/api/v1/objects/nosuch").isProblem(404)).isTrue();
    }

    private static List<String> fieldNames(JsonNode object) {
        return object.path("fields").values().stream()
                .map(f -> f.path("apiName").asString())
                .toList();
    }

    private static JsonNode field(JsonNode object, String name) {
        return object.path("fields").values().stream()
                .filter(f -> f.path("apiName").asString().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
