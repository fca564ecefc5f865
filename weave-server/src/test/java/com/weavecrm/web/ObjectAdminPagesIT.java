package com.weavecrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The object manager over plain HTTP: an admin creates a custom object, adds a field of every kind,
 * changes and deletes fields and saves a form layout through the page forms; refusals name the
 * input; a user without the metadata right neither sees nor opens any of it.
 */
class ObjectAdminPagesIT extends IntegrationTest {

    private TestTenant tenant;
    private PageSession admin;

    @BeforeEach
    void signIn() {
        tenant = newTenant();
        admin = new PageSession(baseUrl(), "zh-CN");
        admin.signIn(tenant.slug(), "admin", PASSWORD);
    }

    @Test
    void theObjectListShowsStandardObjectsInTheCallersLanguage() {
        PageSession.Page chinese = admin.get("/admin/objects");
        assertThat(chinese.status()).isEqualTo(200);
        assertThat(chinese.body())
                .contains("对象与字段", "客户", "<code>customer</code>", "标准", "新建对象")
                .doesNotContain("??ui.");
        PageSession.Page switched =
                admin.post("/me/language", withCsrf("/admin/objects", "locale", "en", "back", "/admin/objects"));
        assertThat(switched.status()).isEqualTo(302);
        assertThat(admin.get("/admin/objects").body()).contains("Customer", "Standard", "New object");
        admin.post("/me/language", withCsrf("/admin/objects", "locale", "zh-CN", "back", "/admin/objects"));
        PageSession.Page customer = admin.get("/admin/objects/customer");
        assertThat(customer.status()).isEqualTo(200);
        assertThat(customer.body())
                .contains("id=\"field-phone\"", "/records/customer", "/admin/objects/customer/layout")
                .doesNotContain("/admin/objects/customer/fields/name/delete", "??ui.");
        assertThat(admin.get("/admin/objects/customer/fields/phone").body()).contains("name=\"labelZh\"");
        assertThat(admin.get("/admin/objects/nothing").status()).isEqualTo(404);
    }

    @Test
    void badObjectNamesAreRefusedNamingTheInputAndNothingIsCreated() {
        PageSession.Page bad = createObject("Bad-Name", "坏名字", "");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"apiName-error\"", "格式不正确", "value=\"Bad-Name\"");
        PageSession.Page reserved = createObject("created_at", "保留", "");
        assertThat(reserved.body()).contains("id=\"apiName-error\"", "这是系统保留的名称");
        PageSession.Page noLabel = createObject("course", "", "");
        assertThat(noLabel.status()).isEqualTo(400);
        assertThat(noLabel.body()).contains("id=\"label-error\"", "必填");
        assertThat(tenant.admin().get("/api/v1/objects/course").status()).isEqualTo(404);

        assertThat(createObject("course", "课程", "Course").status()).isEqualTo(302);
        PageSession.Page duplicate = createObject("course", "课程", "Course");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body()).contains("id=\"apiName-error\"", "已被使用");
    }

    @Test
    void anAdministratorAddsAFieldOfEveryKindThroughTheFieldEditor() {
        PageSession.Page created = createObject("course", "课程", "Course");
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).endsWith("/admin/objects/course?toast=object_created");
        assertThat(admin.get("/admin/objects/course?toast=object_created").body())
                .contains("课程", "自定义", "对象已创建");
        assertThat(createObject("enrolment", "报名", "Enrolment").status()).isEqualTo(302);

        addField(
                "course",
                fields(
                        "apiName",
                        "title",
                        "labelZh",
                        "名称",
                        "labelEn",
                        "Title",
                        "type",
                        "text",
                        "required",
                        "true",
                        "maxLength",
                        "80"));
        addField(
                "course",
                fields(
                        "apiName",
                        "level",
                        "labelZh",
                        "级别",
                        "labelEn",
                        "Level",
                        "type",
                        "picklist",
                        "values[0].value",
                        "advanced",
                        "values[0].zh",
                        "高级",
                        "values[0].en",
                        "Advanced",
                        "values[0].color",
                        "#dc3545",
                        "values[0].order",
                        "2",
                        "values[7].value",
                        "beginner",
                        "values[7].zh",
                        "初级",
                        "values[7].en",
                        "Beginner",
                        "values[7].color",
                        "#198754",
                        "values[7].order",
                        "1",
                        "values[9].value",
                        "",
                        "values[9].zh",
                        "",
                        "values[9].en",
                        "",
                        "values[9].color",
                        "#6c757d"));
        addField(
                "course",
                fields(
                        "apiName",
                        "seats",
                        "labelZh",
                        "名额",
                        "labelEn",
                        "Seats",
                        "type",
                        "integer",
                        "default",
                        "20",
                        "rules[0].expression",
                        "seats == null || seats > 0",
                        "rules[0].zh",
                        "名额须大于 0",
                        "rules[0].en",
                        "Seats must be positive"));
        addField("course", fields("apiName", "fee", "labelZh", "学费", "type", "money", "scale", "2"));
        addField(
                "course",
                fields(
                        "apiName",
                        "revenue",
                        "labelZh",
                        "预计收入",
                        "type",
                        "formula",
                        "expression",
                        "fee == null || seats == null ? 0.0 : fee * double(seats)"));
        addField(
                "course",
                fields(
                        "apiName",
                        "code",
                        "labelZh",
                        "编号",
                        "type",
                        "auto_number",
                        "pattern",
                        "KC-{0000}",
                        "maxLength",
                        "999"));
        addField(
                "course",
                fields(
                        "apiName",
                        "tags",
                        "labelZh",
                        "标签",
                        "type",
                        "multi_picklist",
                        "values[0].value",
                        "weekend",
                        "values[1].value",
                        "online"));
        for (String type : List.of(
                "long_text",
                "decimal",
                "percent",
                "boolean",
                "date",
                "datetime",
                "phone",
                "email",
                "url",
                "region",
                "user")) {
            addField("course", fields("apiName", "f_" + type, "labelZh", "字段 " + type, "type", type));
        }
        addField("enrolment", fields("apiName", "course", "labelZh", "课程", "type", "lookup", "target", "course"));
        addField("enrolment", fields("apiName", "paid", "labelZh", "已付", "type", "money"));
        PageSession.Page editor = admin.get("/admin/objects/course/fields/new");
        assertThat(editor.body()).contains("value=\"enrolment.course\"", "报名 · 课程");
        addField(
                "course",
                fields(
                        "apiName",
                        "enrolments",
                        "labelZh",
                        "报名数",
                        "type",
                        "rollup",
                        "rollupLink",
                        "enrolment.course",
                        "rollupFunction",
                        "count"));
        addField(
                "course",
                fields(
                        "apiName",
                        "paid_total",
                        "labelZh",
                        "已收",
                        "type",
                        "rollup",
                        "rollupLink",
                        "enrolment.course",
                        "rollupFunction",
                        "sum",
                        "rollupField",
                        "paid"));

        JsonNode course = tenant.admin().get("/api/v1/objects/course").json();
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        course.path("fields").values().forEach(f -> byName.put(f.path("apiName").asString(), f));
        assertThat(byName.get("title").path("required").asBoolean()).isTrue();
        assertThat(byName.get("title").path("maxLength").asInt()).isEqualTo(80);
        assertThat(byName.get("level").path("values").get(0).path("value").asString())
                .isEqualTo("beginner");
        assertThat(byName.get("level").path("values").get(1).path("color").asString())
                .isEqualTo("#dc3545");
        assertThat(byName.get("level").path("values").size()).isEqualTo(2);
        assertThat(byName.get("fee").path("scale").asInt()).isEqualTo(2);
        assertThat(byName.get("revenue").path("type").asString()).isEqualTo("formula");
        assertThat(byName.get("code").path("pattern").asString()).isEqualTo("KC-{0000}");
        assertThat(byName.get("enrolments").path("type").asString()).isEqualTo("rollup");
        assertThat(byName.get("f_region").path("type").asString()).isEqualTo("region");
        assertThat(tenant.admin().get("/api/v1/objects/enrolment").text()).contains("\"target\":\"course\"");

        ApiClient.Response record =
                tenant.admin().post("/api/v1/objects/course/records", ApiClient.map("title", "日语", "fee", "100"));
        assertThat(record.status()).as(record.text()).isEqualTo(201);
        assertThat(record.json().path("seats").asInt()).isEqualTo(20);
        assertThat(record.string("code")).isEqualTo("KC-0001");
        ApiClient.Response invalid =
                tenant.admin().post("/api/v1/objects/course/records", ApiClient.map("title", "x", "seats", -1));
        assertThat(invalid.fieldErrors()).containsExactly("seats:validation_failed");

        PageSession.Page page = admin.get("/admin/objects/course");
        assertThat(page.body()).contains("单选列表", "汇总", "自动编号", "/admin/objects/course/fields/title/delete");
    }

    @Test
    void refusedFieldsShowTheReasonUnderTheirInputsAndKeepTheRows() {
        createObject("course", "课程", "Course");
        PageSession.Page bad = admin.post(
                "/admin/objects/course/fields",
                withCsrf(
                        "/admin/objects/course/fields/new",
                        "apiName",
                        "1bad",
                        "labelZh",
                        "坏",
                        "type",
                        "picklist",
                        "values[0].value",
                        "a",
                        "values[1].value",
                        "a",
                        "values[1].zh",
                        "重复"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body())
                .contains("id=\"apiName-error\"", "格式不正确", "id=\"values[1].value-error\"", "已被使用")
                .contains("value=\"重复\"");
        PageSession.Page noValues = admin.post(
                "/admin/objects/course/fields",
                withCsrf("/admin/objects/course/fields/new", "apiName", "level", "labelZh", "级别", "type", "picklist"));
        assertThat(noValues.body()).contains("id=\"values-error\"");
        PageSession.Page badFormula = admin.post(
                "/admin/objects/course/fields",
                withCsrf(
                        "/admin/objects/course/fields/new",
                        "apiName",
                        "total",
                        "labelZh",
                        "合计",
                        "type",
                        "formula",
                        "expression",
                        "seats +"));
        assertThat(badFormula.body()).contains("id=\"expression-error\"");
        assertThat(tenant.admin().get("/api/v1/objects/course").text()).doesNotContain("\"1bad\"", "\"total\"");
    }

    @Test
    void fieldsAreChangedWhereTheServiceAllowsAndDeletedWhenCustom() {
        createObject("course", "课程", "Course");
        addField("course", fields("apiName", "title", "labelZh", "名称", "type", "text", "maxLength", "50"));
        addField("course", fields("apiName", "notes", "labelZh", "备注", "type", "long_text"));

        PageSession.Page edit = admin.get("/admin/objects/course/fields/title");
        assertThat(edit.body()).contains("编辑字段：名称", "value=\"50\"");
        PageSession.Page saved = admin.post(
                "/admin/objects/course/fields/title",
                withCsrf(
                        "/admin/objects/course/fields/title",
                        "labelZh",
                        "课程名称",
                        "labelEn",
                        "Course name",
                        "type",
                        "text",
                        "maxLength",
                        "120",
                        "required",
                        "true",
                        "helpText",
                        "对外显示的名称"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).contains("toast=field_saved");
        JsonNode title = field(tenant.admin().get("/api/v1/objects/course").json(), "title");
        assertThat(title.path("maxLength").asInt()).isEqualTo(120);
        assertThat(title.path("labels").path("en").asString()).isEqualTo("Course name");
        assertThat(title.path("required").asBoolean()).isTrue();
        assertThat(title.path("helpText").asString()).isEqualTo("对外显示的名称");

        PageSession.Page unsafe = admin.post(
                "/admin/objects/course/fields/title",
                withCsrf("/admin/objects/course/fields/title", "labelZh", "课程名称", "type", "integer"));
        assertThat(unsafe.status()).isEqualTo(400);
        assertThat(unsafe.body()).contains("id=\"type-error\"", "不能把 text 类型改为 integer");

        PageSession.Page deleted =
                admin.post("/admin/objects/course/fields/notes/delete", withCsrf("/admin/objects/course", "x", ""));
        assertThat(deleted.status()).isEqualTo(302);
        assertThat(deleted.location()).contains("toast=field_deleted");
        assertThat(tenant.admin().get("/api/v1/objects/course").text()).doesNotContain("\"notes\"");

        PageSession.Page standard =
                admin.post("/admin/objects/customer/fields/name/delete", withCsrf("/admin/objects/customer", "x", ""));
        assertThat(standard.status()).isEqualTo(422);
        assertThat(standard.body()).contains("标准字段不能删除");
    }

    @Test
    void theLayoutDesignerSavesSectionsAndShowsTheServicesRefusals() {
        createObject("course", "课程", "Course");
        addField("course", fields("apiName", "title", "labelZh", "名称", "type", "text", "required", "true"));
        addField("course", fields("apiName", "seats", "labelZh", "名额", "type", "integer"));
        addField("course", fields("apiName", "notes", "labelZh", "备注", "type", "long_text"));

        PageSession.Page designer = admin.get("/admin/objects/course/layout");
        assertThat(designer.status()).isEqualTo(200);
        assertThat(designer.body())
                .contains("data-field=\"title\"", "required-mark")
                .doesNotContain("??ui.");
        java.util.regex.Matcher sortable = java.util.regex.Pattern.compile(
                        "src=\"(/webjars/sortablejs/[^\"]*Sortable.min.js)\"")
                .matcher(designer.body());
        assertThat(sortable.find()).isTrue();
        assertThat(admin.get(sortable.group(1)).status()).isEqualTo(200);

        String layout = """
                {"sections":[
                  {"title":{"zh-CN":"基本","en":"Basics"},"columns":1,"visibleIf":null,"fields":["seats","title"]},
                  {"title":{"zh-CN":"其他","en":"More"},"columns":2,"visibleIf":"seats > 10","fields":[]}]}""";
        PageSession.Page saved =
                admin.post("/admin/objects/course/layout", withCsrf("/admin/objects/course/layout", "layout", layout));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/admin/objects/course/layout?toast=layout_saved");
        JsonNode stored = tenant.admin().get("/api/v1/objects/course/layout").json();
        assertThat(stored.path("sections").size()).isEqualTo(2);
        assertThat(stored.path("sections").get(0).path("fields").toString()).isEqualTo("[\"seats\",\"title\"]");
        assertThat(stored.path("sections").get(1).path("visibleIf").asString()).isEqualTo("seats > 10");
        PageSession.Page reopened = admin.get("/admin/objects/course/layout?toast=layout_saved");
        assertThat(reopened.body()).contains("value=\"seats &gt; 10\"", "表单布局已保存");
        assertThat(reopened.body().indexOf("data-field=\"seats\""))
                .isLessThan(reopened.body().indexOf("data-field=\"title\""));

        String missing = """
                {"sections":[{"title":{},"columns":2,"visibleIf":"nosuch == 1","fields":["notes"]}]}""";
        PageSession.Page refused =
                admin.post("/admin/objects/course/layout", withCsrf("/admin/objects/course/layout", "layout", missing));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .contains(
                        "必填字段必须放进表单：title",
                        "id=\"sections[0].title-error\"",
                        "id=\"sections[0].visibleIf-error\"",
                        "value=\"nosuch == 1\"");
        assertThat(tenant.admin().get("/api/v1/objects/course/layout").text()).contains("seats > 10");
    }

    @Test
    void withoutTheMetadataRightTheObjectManagerIsNeitherShownNorOpened() {
        ApiClient.Response created = tenant.admin()
                .post(
                        "/api/v1/admin/users",
                        ApiClient.map("username", "clerk", "displayName", "店员", "password", PASSWORD));
        assertThat(created.status()).isEqualTo(201);
        PageSession clerk = new PageSession(baseUrl(), "zh-CN");
        assertThat(clerk.signIn(tenant.slug(), "clerk", PASSWORD).status()).isEqualTo(302);
        PageSession.Page home = clerk.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).doesNotContain("href=\"/admin/objects\"");
        for (String path : List.of(
                "/admin/objects",
                "/admin/objects/customer",
                "/admin/objects/customer/fields/new",
                "/admin/objects/customer/fields/phone",
                "/admin/objects/customer/layout")) {
            assertThat(clerk.get(path).status()).as(path).isEqualTo(403);
        }
        String token = PageSession.csrf(home);
        assertThat(clerk.post("/admin/objects", Map.of("_csrf", token, "apiName", "course", "labelZh", "课程"))
                        .status())
                .isEqualTo(403);
        assertThat(clerk.post(
                                "/admin/objects/customer/fields",
                                Map.of("_csrf", token, "apiName", "x1", "labelZh", "x", "type", "text"))
                        .status())
                .isEqualTo(403);
        assertThat(clerk.post("/admin/objects/customer/layout", Map.of("_csrf", token, "layout", "{}"))
                        .status())
                .isEqualTo(403);
        assertThat(tenant.admin().get("/api/v1/objects/course").status()).isEqualTo(404);
        assertThat(tenant.admin().get("/api/v1/objects/customer").text()).doesNotContain("\"x1\"");
        PageSession.Page visitor = new PageSession(baseUrl(), "zh-CN").get("/admin/objects/customer/layout");
        assertThat(visitor.status()).isEqualTo(302);
        assertThat(visitor.location()).endsWith("/login");
    }

    private PageSession.Page createObject(String apiName, String zh, String en) {
        return admin.post(
                "/admin/objects",
                withCsrf(
                        "/admin/objects",
                        "apiName",
                        apiName,
                        "labelZh",
                        zh,
                        "labelEn",
                        en,
                        "pluralZh",
                        "",
                        "pluralEn",
                        ""));
    }

    private void addField(String object, Map<String, String> fields) {
        Map<String, String> form = withCsrf("/admin/objects/" + object + "/fields/new");
        form.putAll(fields);
        PageSession.Page page = admin.post("/admin/objects/" + object + "/fields", form);
        assertThat(page.status())
                .as(fields.get("apiName") + ": " + errorsOf(page))
                .isEqualTo(302);
        assertThat(page.location()).contains("/admin/objects/" + object + "?toast=field_created");
    }

    private Map<String, String> withCsrf(String pagePath, String... keyValues) {
        Map<String, String> form = fields(keyValues);
        form.put("_csrf", PageSession.csrf(admin.get(pagePath)));
        return form;
    }

    private static Map<String, String> fields(String... keyValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put(keyValues[i], keyValues[i + 1]);
        }
        return fields;
    }

    private static JsonNode field(JsonNode object, String apiName) {
        for (JsonNode f : object.path("fields").values()) {
            if (f.path("apiName").asString().equals(apiName)) {
                return f;
            }
        }
        throw new AssertionError("no field " + apiName);
    }

    /** The error messages of a refused form page, for a readable assertion message. */
    private static String errorsOf(PageSession.Page page) {
        return page.body()
                .lines()
                .filter(l -> l.contains("invalid-feedback") || l.contains("alert-danger") || l.contains("<li>"))
                .toList()
                .toString();
    }
}
