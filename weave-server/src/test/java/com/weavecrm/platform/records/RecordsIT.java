package com.weavecrm.platform.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The records API on a custom object with fields of every kind. */
class RecordsIT extends IntegrationTest {

    static final String R = "/api/v1/objects/course/records";

    TestTenant tenant;
    ApiClient admin;

    @BeforeEach
    void course() {
        tenant = newTenant();
        admin = tenant.admin();
        admin.post("/api/v1/objects", ApiClient.map("apiName", "course", "label", "课程"));
        for (Map<String, Object> field : List.of(
                ApiClient.map("apiName", "title", "label", "名称", "type", "text", "maxLength", 20, "required", true),
                ApiClient.map("apiName", "code", "label", "编码", "type", "text", "unique", true),
                ApiClient.map("apiName", "hours", "label", "课时", "type", "integer"),
                ApiClient.map("apiName", "fee", "label", "费用", "type", "money"),
                ApiClient.map("apiName", "rate", "label", "比率", "type", "percent"),
                ApiClient.map("apiName", "online", "label", "线上", "type", "boolean"),
                ApiClient.map("apiName", "starts_on", "label", "开课", "type", "date"),
                ApiClient.map("apiName", "starts_at", "label", "开始", "type", "datetime"),
                ApiClient.map(
                        "apiName",
                        "level",
                        "label",
                        "级别",
                        "type",
                        "picklist",
                        "values",
                        List.of(
                                ApiClient.map("value", "basic", "label", ApiClient.map("zh-CN", "初级", "en", "Basic")),
                                ApiClient.map(
                                        "value", "advanced", "label", ApiClient.map("zh-CN", "高级", "en", "Advanced")))),
                ApiClient.map(
                        "apiName", "tags", "label", "标签", "type", "multi_picklist", "values", List.of("x", "y", "z")),
                ApiClient.map("apiName", "phone", "label", "电话", "type", "phone"),
                ApiClient.map("apiName", "mail", "label", "邮箱", "type", "email"),
                ApiClient.map("apiName", "site", "label", "网址", "type", "url"),
                ApiClient.map("apiName", "area", "label", "地区", "type", "region"),
                ApiClient.map("apiName", "customer_ref", "label", "客户", "type", "lookup", "target", "customer"),
                ApiClient.map("apiName", "teacher", "label", "老师", "type", "user"))) {
            ApiClient.Response response = admin.post("/api/v1/objects/course/fields", field);
            assertThat(response.status()).as(response.text()).isEqualTo(201);
        }
    }

    @Test
    void storesAndShowsEveryTypeAsTheContractSays() {
        String customer = admin.post("/api/v1/objects/customer/records", ApiClient.map("name", "张伟"))
                .string("id");
        String teacher = admin.get("/api/v1/me").string("id");
        ApiClient.Response created = admin.post(
                R,
                ApiClient.map(
                        "title",
                        " 高级日语 ",
                        "code",
                        "JP-3",
                        "hours",
                        48,
                        "fee",
                        "1999.5",
                        "rate",
                        12.5,
                        "online",
                        true,
                        "starts_on",
                        "2026-12-01",
                        "starts_at",
                        "2026-12-01T09:30:00+08:00",
                        "level",
                        "高级",
                        "tags",
                        List.of("x", "z", "x"),
                        "phone",
                        "138 0013 8000",
                        "mail",
                        "a@b.cn",
                        "site",
                        "https://weave.example.cn/a",
                        "area",
                        "310106",
                        "customer_ref",
                        customer,
                        "teacher",
                        teacher));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode record = created.json();
        assertThat(record.path("title").asString()).isEqualTo("高级日语");
        assertThat(record.path("fee").asString()).isEqualTo("1999.50");
        assertThat(record.path("rate").asString()).isEqualTo("12.50");
        assertThat(record.path("hours").asLong()).isEqualTo(48);
        assertThat(record.path("online").asBoolean()).isTrue();
        assertThat(record.path("starts_on").asString()).isEqualTo("2026-12-01");
        assertThat(record.path("starts_at").asString()).startsWith("2026-12-01T01:30");
        assertThat(record.path("level").asString()).isEqualTo("advanced");
        assertThat(record.path("tags").values()).extracting(JsonNode::asString).containsExactly("x", "z");
        assertThat(record.path("customer_ref").asString()).isEqualTo(customer);
        assertThat(record.path("version").asLong()).isEqualTo(1);
        assertThat(record.path("ownerId").asString()).isEqualTo(teacher);
        assertThat(record.path("createdBy").asString()).isEqualTo(teacher);
        assertThat(List.copyOf(record.propertyNames()).subList(0, 7))
                .containsExactly("id", "version", "createdAt", "updatedAt", "createdBy", "ownerId", "externalId");
    }

    @Test
    void regionsAreChinasDivisionsAtThreeLevels() {
        assertThat(admin.get("/api/v1/regions").json().path("data")).hasSize(34);
        ApiClient.Response shanghai = admin.get("/api/v1/regions?parent=310100");
        assertThat(shanghai.json().path("data").get(0).path("path").asString()).isEqualTo("上海市 / 市辖区 / 黄浦区");
        assertThat(admin.get("/api/v1/regions/440300").string("name")).isEqualTo("深圳市");
        assertThat(admin.get("/api/v1/regions/999999").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/regions?parent=1").fieldErrors()).containsExactly("parent:unknown_region");
        for (String code : List.of("440000", "440300", "440305")) {
            ApiClient.Response created = admin.post(R, ApiClient.map("title", "课程 " + code, "area", code));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
        }
    }

    @Test
    void everyBadValueIsListedAndNothingIsWritten() {
        ApiClient.Response bad = admin.post(
                R,
                ApiClient.map(
                        "code",
                        12,
                        "hours",
                        "many",
                        "fee",
                        "1.234",
                        "online",
                        "yes",
                        "starts_on",
                        "2026-13-01",
                        "starts_at",
                        "tomorrow",
                        "level",
                        "expert",
                        "tags",
                        List.of("q"),
                        "mail",
                        "not-mail",
                        "site",
                        "ftp://x",
                        "area",
                        "999999",
                        "customer_ref",
                        "not-a-uuid",
                        "nosuch",
                        1,
                        "title",
                        "x".repeat(21)));
        assertThat(bad.isProblem(400)).isTrue();
        assertThat(bad.fieldErrors())
                .containsExactlyInAnyOrder(
                        "code:invalid_type",
                        "hours:invalid_type",
                        "fee:too_many_decimals",
                        "online:invalid_type",
                        "starts_on:invalid_date",
                        "starts_at:invalid_datetime",
                        "level:invalid_choice",
                        "tags:invalid_choice",
                        "mail:invalid_format",
                        "site:invalid_format",
                        "area:unknown_region",
                        "customer_ref:invalid_id",
                        "nosuch:unknown_field",
                        "title:too_long");
        assertThat(admin.post(R, ApiClient.map("hours", 1)).fieldErrors()).containsExactly("title:required");
        assertThat(admin.get(R).json().path("data").isEmpty()).isTrue();
    }

    @Test
    void referencesMustExistAndUniqueValuesAreUnique() {
        String missing = "00000000-0000-7000-8000-000000000000";
        assertThat(admin.post(R, ApiClient.map("title", "a", "customer_ref", missing, "teacher", missing))
                        .fieldErrors())
                .containsExactlyInAnyOrder("customer_ref:not_found", "teacher:not_found");
        admin.post(R, ApiClient.map("title", "a", "code", "C1"));
        ApiClient.Response duplicate = admin.post(R, ApiClient.map("title", "b", "code", "C1"));
        assertThat(duplicate.isProblem(409)).isTrue();
        assertThat(duplicate.fieldErrors()).containsExactly("code:duplicate");
    }

    @Test
    void systemFieldsInABodyAreIgnored() {
        ApiClient.Response created = admin.post(
                R,
                ApiClient.map(
                        "title", "a", "id", "x", "version", 99, "createdAt", "2000-01-01T00:00:00Z", "createdBy", "x"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("version").asLong()).isEqualTo(1);
        assertThat(created.string("id")).isNotEqualTo("x");
    }

    @Test
    void filtersCoverTheLanguageAndBindEveryValue() {
        String customer = admin.post("/api/v1/objects/customer/records", ApiClient.map("name", "静安店客户"))
                .string("id");
        admin.post(
                R,
                ApiClient.map(
                        "title",
                        "100% 中文_课",
                        "hours",
                        10,
                        "fee",
                        "100.00",
                        "level",
                        "basic",
                        "online",
                        true,
                        "starts_on",
                        "2026-01-10",
                        "tags",
                        List.of("x"),
                        "customer_ref",
                        customer));
        admin.post(
                R,
                ApiClient.map(
                        "title",
                        "英语",
                        "hours",
                        20,
                        "fee",
                        "200.50",
                        "level",
                        "advanced",
                        "online",
                        false,
                        "starts_on",
                        "2026-02-10",
                        "tags",
                        List.of("y", "z"),
                        "starts_at",
                        "2026-02-10T10:00:00Z"));
        admin.post(R, ApiClient.map("title", "日语", "hours", 30));
        assertThat(titles("hours >= 20")).containsExactlyInAnyOrder("英语", "日语");
        assertThat(titles("hours > 10 && hours < 30")).containsExactly("英语");
        assertThat(titles("fee > 150")).containsExactly("英语");
        assertThat(titles("fee >= 100.0 && !(level == \"advanced\")")).containsExactly("100% 中文_课");
        assertThat(titles("level == \"初级\"")).containsExactly("100% 中文_课");
        assertThat(titles("level != \"basic\"")).containsExactlyInAnyOrder("英语", "日语");
        assertThat(titles("level in [\"basic\", \"advanced\"]")).containsExactlyInAnyOrder("100% 中文_课", "英语");
        assertThat(titles("\"z\" in tags")).containsExactly("英语");
        assertThat(titles("online")).containsExactly("100% 中文_课");
        assertThat(titles("online == false || !has(online)")).containsExactlyInAnyOrder("英语", "日语");
        assertThat(titles("has(fee)")).containsExactlyInAnyOrder("100% 中文_课", "英语");
        assertThat(titles("fee == null")).containsExactly("日语");
        assertThat(titles("title.contains(\"%\")")).containsExactly("100% 中文_课");
        assertThat(titles("title.contains(\"_\")")).containsExactly("100% 中文_课");
        assertThat(titles("title.startsWith(\"英\")")).containsExactly("英语");
        assertThat(titles("title.endsWith(\"语\")")).containsExactlyInAnyOrder("英语", "日语");
        assertThat(titles("starts_on >= \"2026-02-01\"")).containsExactly("英语");
        assertThat(titles("starts_at > timestamp(\"2026-02-01T00:00:00Z\")")).containsExactly("英语");
        assertThat(titles("createdAt > timestamp(\"2020-01-01T00:00:00Z\")")).hasSize(3);
        assertThat(titles("customer_ref.name == \"静安店客户\"")).containsExactly("100% 中文_课");
        assertThat(titles("customer_ref == \"" + customer + "\"")).containsExactly("100% 中文_课");
        assertThat(titles("title == \"x' OR '1'='1\"")).isEmpty();
        assertThat(titles("title == \"英语\\\"); drop table r_course; --\"")).isEmpty();
        assertThat(admin.get(R).json().path("data").size()).isEqualTo(3);
    }

    @Test
    void badFiltersAndSortsAre400NamingThePosition() {
        for (String filter : List.of(
                "hours >",
                "nosuch == 1",
                "hours == \"x\"",
                "hours + 1 > 2",
                "size(title) > 1",
                "title; drop table r_course",
                "\"a\"",
                "r_course.title == \"x\"")) {
            ApiClient.Response response = list("filter=" + encode(filter));
            assertThat(response.isProblem(400)).as(filter).isTrue();
            assertThat(response.fieldErrors().get(0)).as(filter).startsWith("filter:");
            assertThat(response.json().path("errors").get(0).path("message").asString())
                    .as(filter)
                    .isNotBlank();
        }
        assertThat(list("filter=" + encode("hours > 1 && ".repeat(800) + "true"))
                        .fieldErrors())
                .containsExactly("filter:too_long");
        assertThat(list("filter=" + encode("(".repeat(40) + "hours > 1" + ")".repeat(40)))
                        .status())
                .isEqualTo(400);
        for (String sort : List.of("nosuch", "title;DROP TABLE x", "tags", "-", "title,title2")) {
            assertThat(list("sort=" + encode(sort)).fieldErrors()).as(sort).hasSize(1);
        }
        assertThat(list("fields=" + encode("title,nosuch")).fieldErrors()).containsExactly("fields:unknown_field");
        assertThat(list("limit=201").fieldErrors()).containsExactly("limit:out_of_range");
        assertThat(list("cursor=abc").fieldErrors()).containsExactly("cursor:invalid_cursor");
    }

    @Test
    void sortsPagesWithCursorsCountsAndSparseFields() {
        for (int i = 0; i < 25; i++) {
            admin.post(R, ApiClient.map("title", "课" + (char) ('A' + i % 5) + i, "hours", i % 7 == 0 ? null : i));
        }
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiClient.Response page = list("sort=" + encode("-hours,title") + "&limit=7&fields=title,hours&count=true"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.json().path("total").asInt()).isEqualTo(25);
            page.json().path("data").values().forEach(r -> {
                seen.add(r.path("title").asString());
                assertThat(List.copyOf(r.propertyNames())).containsExactly("id", "version", "title", "hours");
            });
            cursor = page.string("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(4);
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
        List<Integer> hours = admin.get(R + "?sort=-hours&limit=200").json().path("data").values().stream()
                .map(r -> r.path("hours").isNull() ? -1 : r.path("hours").asInt())
                .toList();
        assertThat(hours.subList(0, 21)).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(hours.subList(21, 25)).containsOnly(-1); // empty values last
    }

    @Test
    void optimisticLockingSoftDeleteRestoreUpsertAndHistory() {
        String id = admin.post(R, ApiClient.map("title", "a", "hours", 1)).string("id");
        String path = R + "/" + id;
        assertThat(admin.send("PATCH", path, ApiClient.map("hours", 2), Map.of("If-Match", "1"))
                        .json()
                        .path("version")
                        .asLong())
                .isEqualTo(2);
        assertThat(admin.send("PATCH", path, ApiClient.map("hours", 3), Map.of("If-Match", "1"))
                        .isProblem(409))
                .isTrue();
        assertThat(admin.patch(path, ApiClient.map("hours", 4))
                        .json()
                        .path("hours")
                        .asInt())
                .isEqualTo(4);
        assertThat(admin.patch(path, ApiClient.map("title", null)).fieldErrors())
                .containsExactly("title:required");

        JsonNode history = admin.get(path + "/history").json().path("data");
        assertThat(history.size()).isEqualTo(3);
        assertThat(history.get(0).path("changes").get(0).path("field").asString())
                .isEqualTo("hours");
        assertThat(history.get(0).path("changes").get(0).path("old").asInt()).isEqualTo(2);
        assertThat(history.get(0).path("changes").get(0).path("new").asInt()).isEqualTo(4);

        assertThat(admin.delete(path).status()).isEqualTo(204);
        assertThat(admin.get(path).isProblem(404)).isTrue();
        assertThat(admin.delete(path).isProblem(404)).isTrue();
        assertThat(admin.post(path + "/restore", null).json().path("hours").asInt())
                .isEqualTo(4);
        assertThat(admin.get(path).status()).isEqualTo(200);

        ApiClient.Response created =
                admin.send("PUT", R + "/by-external-id/ERP-1", ApiClient.map("title", "外部"), Map.of());
        ApiClient.Response updated =
                admin.send("PUT", R + "/by-external-id/ERP-1", ApiClient.map("hours", 9), Map.of());
        assertThat(created.status()).isEqualTo(201);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.string("id")).isEqualTo(created.string("id"));
        assertThat(updated.string("externalId")).isEqualTo("ERP-1");
        assertThat(updated.json().path("title").asString()).isEqualTo("外部");
    }

    @Test
    void aFieldMarkedExternalIdIsUniqueAndKeysUpserts() {
        ApiClient.Response defined = admin.post(
                "/api/v1/objects/course/fields",
                ApiClient.map("apiName", "erp_code", "label", "ERP 编码", "type", "text", "externalId", true));
        assertThat(defined.status()).as(defined.text()).isEqualTo(201);
        assertThat(defined.json().path("unique").asBoolean()).isTrue();
        assertThat(defined.json().path("externalId").asBoolean()).isTrue();
        assertThat(admin.post(
                                "/api/v1/objects/course/fields",
                                ApiClient.map("apiName", "xx", "label", "x", "type", "integer", "externalId", true))
                        .fieldErrors())
                .containsExactly("externalId:not_supported_for_type");

        String path = R + "/by-external-id/K-100?field=erp_code";
        ApiClient.Response created = admin.send("PUT", path, ApiClient.map("title", "ERP 课程"), Map.of());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("erp_code")).isEqualTo("K-100");
        ApiClient.Response updated = admin.send("PUT", path, ApiClient.map("hours", 3), Map.of());
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.string("id")).isEqualTo(created.string("id"));
        assertThat(admin.post(R, ApiClient.map("title", "重复", "erp_code", "K-100"))
                        .fieldErrors())
                .containsExactly("erp_code:duplicate");
        assertThat(admin.send("PUT", R + "/by-external-id/K-1?field=title", ApiClient.map("hours", 1), Map.of())
                        .fieldErrors())
                .containsExactly("field:not_an_external_id");
    }

    @Test
    void permissionsApplyToEveryPath() {
        admin.post(
                "/api/v1/admin/roles",
                ApiClient.map(
                        "apiName",
                        "teacher_role",
                        "label",
                        "老师",
                        "permissions",
                        List.of(
                                ApiClient.map("object", "course", "actions", List.of("read", "create"), "scope", "own"),
                                ApiClient.map("object", "course", "actions", List.of("update"), "scope", "own")),
                        "fieldAccess",
                        List.of(
                                ApiClient.map("object", "course", "field", "fee", "access", "hidden"),
                                ApiClient.map("object", "course", "field", "code", "access", "read_only"))));
        admin.post(
                "/api/v1/admin/roles",
                ApiClient.map(
                        "apiName",
                        "auditor_role",
                        "label",
                        "查看",
                        "permissions",
                        List.of(ApiClient.map("object", "course", "actions", List.of("read"), "scope", "all"))));
        for (String[] u : new String[][] {{"t1", "teacher_role"}, {"t2", "teacher_role"}, {"aud", "auditor_role"}}) {
            admin.post(
                    "/api/v1/admin/users",
                    ApiClient.map("username", u[0], "displayName", u[0], "password", PASSWORD, "roles", List.of(u[1])));
        }
        ApiClient t1 = login(tenant.slug(), "t1", PASSWORD);
        ApiClient t2 = login(tenant.slug(), "t2", PASSWORD);
        ApiClient auditor = login(tenant.slug(), "aud", PASSWORD);
        String adminsCourse =
                admin.post(R, ApiClient.map("title", "admin", "fee", "10.00")).string("id");

        ApiClient.Response own = t1.post(R, ApiClient.map("title", "t1 的课"));
        assertThat(own.json().has("fee")).isFalse();
        String ownId = own.string("id");
        assertThat(t1.post(R, ApiClient.map("title", "x", "fee", "1.00")).fieldErrors())
                .containsExactly("fee:unknown_field");
        assertThat(t1.post(R, ApiClient.map("title", "x", "nosuch", "1")).fieldErrors())
                .containsExactly("nosuch:unknown_field");
        assertThat(t1.post(R, ApiClient.map("title", "x", "code", "C")).fieldErrors())
                .containsExactly("code:read_only");
        assertThat(t1.get(R + "?filter=" + encode("fee > 1")).isProblem(400)).isTrue();
        assertThat(t1.get(R + "?sort=fee").isProblem(400)).isTrue();
        assertThat(t1.get(R + "?fields=fee").isProblem(400)).isTrue();
        assertThat(t1.get(R).json().path("data").values())
                .extracting(r -> r.path("id").asString())
                .containsExactly(ownId);
        assertThat(t1.get(R + "/" + adminsCourse).isProblem(404)).isTrue();
        assertThat(t2.get(R + "/" + ownId).isProblem(404)).isTrue();
        assertThat(t2.patch(R + "/" + ownId, ApiClient.map("title", "stolen")).isProblem(404))
                .isTrue();
        assertThat(t1.delete(R + "/" + ownId).isProblem(403)).isTrue(); // no delete right at all
        assertThat(auditor.get(R + "/" + ownId).status()).isEqualTo(200);
        assertThat(auditor.patch(R + "/" + ownId, ApiClient.map("title", "x")).isProblem(403))
                .isTrue();
        assertThat(t1.get("/api/v1/objects/customer/records").isProblem(403)).isTrue();
        String t2Id = admin.get("/api/v1/admin/users?q=t2")
                .json()
                .path("data")
                .get(0)
                .path("id")
                .asString();
        assertThat(t1.post(R, ApiClient.map("title", "给别人", "ownerId", t2Id)).fieldErrors())
                .containsExactly("ownerId:out_of_scope");
        assertThat(admin.patch(R + "/" + ownId, ApiClient.map("ownerId", t2Id)).status())
                .isEqualTo(200);
        assertThat(t2.get(R + "/" + ownId).status()).isEqualTo(200);
        assertThat(t1.get(R + "/" + ownId).isProblem(404)).isTrue();
        assertThat(t2.get(R + "/" + ownId + "/history")
                        .json()
                        .path("data")
                        .get(0)
                        .toString())
                .doesNotContain("fee");
    }

    private List<String> titles(String filter) {
        ApiClient.Response response = list("filter=" + encode(filter) + "&limit=200");
        assertThat(response.status()).as(filter + " " + response.text()).isEqualTo(200);
        return response.json().path("data").values().stream()
                .map(r -> r.path("title").asString())
                .toList();
    }

    private ApiClient.Response list(String query) {
        return admin.get(R + "?" + query);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
