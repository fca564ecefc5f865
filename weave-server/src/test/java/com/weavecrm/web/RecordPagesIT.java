package com.weavecrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The record pages over plain HTTP against the real services: lists (filter builder, sort, more,
 * saved views, kanban), the create form, inline edit with a stale version, history, the customer
 * 360, search, and what a caller may not see.
 */
class RecordPagesIT extends IntegrationTest {

    private static final Pattern MORE = Pattern.compile("id=\"more-records\"\\s+href=\"([^\"]+)\"");

    @Test
    void aListIsFilteredByTheBuilderSortedPagedAndSavedAsAView() {
        TestTenant tenant = newTenant();
        for (int i = 1; i <= 55; i++) {
            create(tenant.admin(), "customer", "name", "客户%02d".formatted(i), "kind", i <= 30 ? "person" : "company");
        }
        PageSession admin = signIn(tenant);

        PageSession.Page companies = admin.get("/records/customer?f=kind&op=eq&v=" + enc("企业"));
        assertThat(companies.status()).isEqualTo(200);
        assertThat(companies.body())
                .contains("kind == &quot;company&quot;", "共 25 条", "客户31", "客户55", "remove-condition")
                .doesNotContain("客户30<");

        PageSession.Page sorted = admin.get("/records/customer?sort=-name");
        assertThat(sorted.body().indexOf("客户55")).isLessThan(sorted.body().indexOf("客户54"));
        assertThat(sorted.body()).contains("共 55 条").doesNotContain("客户05<");
        Matcher more = MORE.matcher(sorted.body());
        assertThat(more.find()).isTrue();
        PageSession.Page next = admin.get(more.group(1).replace("&amp;", "&"));
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.body()).contains("客户05", "客户01").doesNotContain("客户55<", "<html");

        PageSession.Page bad = admin.get("/records/customer?cel=" + enc("name == "));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("筛选条件有误", "列");
        assertThat(admin.get("/records/customer?f=kind&op=gt&v=x").body()).contains("条件不完整");

        Map<String, String> view = new LinkedHashMap<>();
        view.put("_csrf", PageSession.csrf(companies));
        view.put("name", "企业客户");
        view.put("visibility", "private");
        view.put("filter", "kind == \"company\"");
        view.put("sort", "-name");
        view.put("fields", "name,kind");
        PageSession.Page saved = admin.post("/records/customer/views", view);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).contains("view=");
        PageSession.Page applied = admin.get(saved.location().replace(baseUrl(), ""));
        assertThat(applied.body()).contains("企业客户", "共 25 条", "客户55");
        assertThat(applied.body().indexOf("客户55")).isLessThan(applied.body().indexOf("客户54"));
        assertThat(tenant.admin().get("/api/v1/objects/customer/views").text()).contains("企业客户");
        assertThat(applied.body()).contains("delete-view");
        String viewId = saved.location().replaceAll(".*view=([0-9a-f-]{36}).*", "$1");
        PageSession.Page deleted =
                admin.post("/records/customer/views/" + viewId + "/delete", Map.of("_csrf", PageSession.csrf(applied)));
        assertThat(deleted.status()).isEqualTo(302);
        assertThat(tenant.admin().get("/api/v1/objects/customer/views").text()).doesNotContain("企业客户");
    }

    @Test
    void theCreateFormNamesAMissingRequiredFieldAndWritesNothing() {
        TestTenant tenant = newTenant();
        String customer = create(tenant.admin(), "customer", "name", "云启客户");
        PageSession admin = signIn(tenant);
        PageSession.Page form = admin.get("/records/contact/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body())
                .contains("新建联系人", "id=\"field-name\"", "for=\"field-name\"", "云启客户")
                .contains("value=\"" + customer + "\"");

        PageSession.Page refused =
                admin.post("/records/contact", Map.of("_csrf", PageSession.csrf(form), "name", "", "title", "经理"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("is-invalid", "name-error", "经理");
        assertThat(tenant.admin()
                        .get("/api/v1/objects/contact/records?count=true")
                        .json()
                        .path("total")
                        .asInt())
                .isZero();

        PageSession.Page created = admin.post(
                "/records/contact",
                Map.of("_csrf", PageSession.csrf(form), "name", "王芳", "title", "经理", "customerId", customer));
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).contains("/records/contact/").contains("toast=record_created");
        assertThat(tenant.admin().get("/api/v1/objects/contact/records").text()).contains("王芳", customer);
        PageSession.Page page = admin.get(created.location().replace(baseUrl(), ""));
        assertThat(page.body()).contains("王芳", "记录已创建", "href=\"/records/customer/" + customer + "\"");
        assertThat(admin.get("/records/contact").body()).contains("云启客户");
    }

    @Test
    void theFormFollowsTheLayoutAndHidesSectionsWhoseConditionIsFalse() {
        TestTenant tenant = newTenant();
        ApiClient.Response layout = tenant.admin()
                .send(
                        "PUT",
                        "/api/v1/objects/customer/layout",
                        ApiClient.map(
                                "sections",
                                List.of(
                                        ApiClient.map(
                                                "title", ApiClient.map("zh-CN", "联系方式", "en", "Contact"),
                                                "columns", 1,
                                                "fields", List.of("name", "kind", "phone")),
                                        ApiClient.map(
                                                "title",
                                                ApiClient.map("zh-CN", "企业信息", "en", "Company"),
                                                "columns",
                                                2,
                                                "fields",
                                                List.of("company", "industry"),
                                                "visibleIf",
                                                "kind == \"company\""))),
                        Map.of());
        assertThat(layout.status()).as(layout.text()).isEqualTo(200);
        String person = create(tenant.admin(), "customer", "name", "个人客户", "kind", "person");
        String company = create(tenant.admin(), "customer", "name", "企业客户", "kind", "company", "company", "云启");
        PageSession admin = signIn(tenant);
        assertThat(admin.get("/records/customer/" + person).body())
                .contains("联系方式")
                .doesNotContain("企业信息");
        assertThat(admin.get("/records/customer/" + company).body()).contains("联系方式", "企业信息", "云启");
        assertThat(admin.get("/records/customer/new").body()).contains("联系方式", "field-phone");

        PageSession english = signIn(tenant);
        english.post("/me/language", Map.of("_csrf", PageSession.csrf(english.get("/")), "locale", "en", "back", "/"));
        assertThat(english.get("/records/customer").body())
                .contains("Customer", "Name", "Filter", "Save as view", "Columns")
                .doesNotContain("筛选条件", "??ui.");
        assertThat(english.get("/records/customer/" + company).body()).contains("Contact", "Company", "History");
    }

    @Test
    void anInlineEditWithAStaleVersionIsRefusedAndTheHistoryShowsChanges() {
        TestTenant tenant = newTenant();
        String id = create(tenant.admin(), "customer", "name", "李雷", "kind", "person");
        tenant.admin().send("PATCH", "/api/v1/objects/customer/records/" + id, ApiClient.map("name", "李雷雷"), Map.of());
        PageSession admin = signIn(tenant);
        PageSession.Page page = admin.get("/records/customer/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("李雷雷", "f-name", "客户 360");

        PageSession.Page stale = admin.post(
                "/records/customer/" + id + "/fields/name",
                Map.of("_csrf", PageSession.csrf(page), "version", "1", "name", "韩梅梅"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("已被其他人修改", "重新加载", "韩梅梅");
        assertThat(tenant.admin().get("/api/v1/objects/customer/records/" + id).string("name"))
                .isEqualTo("李雷雷");

        PageSession.Page invalid = admin.post(
                "/records/customer/" + id + "/fields/email",
                Map.of("_csrf", PageSession.csrf(page), "version", "2", "email", "not-an-email"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("email-error");

        PageSession.Page saved = admin.post(
                "/records/customer/" + id + "/fields/name",
                Map.of("_csrf", PageSession.csrf(page), "version", "2", "name", "韩梅梅"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(tenant.admin().get("/api/v1/objects/customer/records/" + id).string("name"))
                .isEqualTo("韩梅梅");

        PageSession.Page history = admin.get("/records/customer/" + id + "?tab=history");
        assertThat(history.body()).contains("李雷雷", "韩梅梅", "姓名/名称", "修改");

        PageSession.Page deleted =
                admin.post("/records/customer/" + id + "/delete", Map.of("_csrf", PageSession.csrf(page)));
        assertThat(deleted.status()).isEqualTo(302);
        assertThat(admin.get("/records/customer/" + id).status()).isEqualTo(404);
        PageSession.Page bin = admin.get(deleted.location().replace(baseUrl(), ""));
        assertThat(bin.body()).contains("restore-record");
        PageSession.Page restored =
                admin.post("/records/customer/" + id + "/restore", Map.of("_csrf", PageSession.csrf(bin)));
        assertThat(restored.status()).isEqualTo(302);
        assertThat(admin.get("/records/customer/" + id).status()).isEqualTo(200);
    }

    @Test
    void theKanbanBoardShowsAColumnPerValueAndAMoveCarriesTheVersion() {
        TestTenant tenant = newTenant();
        String id = create(tenant.admin(), "customer", "name", "看板客户", "kind", "person");
        PageSession admin = signIn(tenant);
        PageSession.Page board = admin.get("/records/customer?mode=kanban&by=kind");
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.body())
                .contains("data-value=\"person\"", "data-value=\"company\"", "个人", "企业", "看板客户")
                .contains("data-version=\"1\"", "Sortable.min.js");
        assertThat(board.body().indexOf("data-value=\"person\""))
                .isLessThan(board.body().indexOf("data-value=\"company\""));
        assertThat(admin.get("/webjars/sortablejs/Sortable.min.js").status()).isEqualTo(200);

        String token = PageSession.csrf(board);
        PageSession.Page stale = admin.post(
                "/records/customer/" + id + "/move",
                Map.of("_csrf", token, "field", "kind", "value", "company", "version", "7"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("已被他人修改");
        PageSession.Page moved = admin.post(
                "/records/customer/" + id + "/move",
                Map.of("_csrf", token, "field", "kind", "value", "company", "version", "1"));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body()).contains("\"version\":2");
        assertThat(tenant.admin().get("/api/v1/objects/customer/records/" + id).string("kind"))
                .isEqualTo("company");
    }

    @Test
    void theCustomer360ShowsContactsDealsAndAPagedTimeline() {
        TestTenant tenant = newTenant();
        ApiClient api = tenant.admin();
        String id = create(api, "customer", "name", "周杰", "phone", "13912345678");
        create(api, "contact", "name", "周太太", "customerId", id, "title", "采购");
        create(api, "deal", "name", "年度会员", "customerId", id, "amount", "1280.00", "stage", "洽谈");
        for (int i = 1; i <= 25; i++) {
            create(
                    api,
                    "activity",
                    "customerId",
                    id,
                    "kind",
                    "call",
                    "subject",
                    "回访%02d".formatted(i),
                    "occurredAt",
                    "2026-11-%02dT10:00:00+08:00".formatted(i));
        }
        PageSession admin = signIn(tenant);
        PageSession.Page view = admin.get("/customers/" + id);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.body())
                .contains("c360-cid", "周杰", "周太太", "采购", "年度会员", "洽谈", "1,280.00", "回访25", "回访06")
                .doesNotContain("回访05<");
        Matcher more =
                Pattern.compile("id=\"more-activities\"\\s+href=\"([^\"]+)\"").matcher(view.body());
        assertThat(more.find()).isTrue();
        PageSession.Page older = admin.get(more.group(1).replace("&amp;", "&"));
        assertThat(older.status()).isEqualTo(200);
        assertThat(older.body()).contains("回访05", "回访01").doesNotContain("回访25");
    }

    @Test
    void searchFindsByPinyinInitials() {
        TestTenant tenant = newTenant();
        String id = create(tenant.admin(), "customer", "name", "张伟", "phone", "13800138000");
        PageSession admin = signIn(tenant);
        PageSession.Page found = admin.get("/search?q=zw");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).contains("张伟", "/customers/" + id, "search-group");
        assertThat(admin.get("/search?q=" + enc("无此人")).body()).contains("没有找到");
        assertThat(admin.get("/").body()).contains("topbar-q");
    }

    @Test
    void recordsOfOtherTenantsOutOfScopeOrHiddenFieldsNeverShow() {
        TestTenant tenant = newTenant();
        TestTenant other = newTenant();
        String foreign = create(other.admin(), "customer", "name", "别家客户");
        ApiClient api = tenant.admin();
        api.post(
                "/api/v1/admin/roles",
                ApiClient.map(
                        "apiName",
                        "clerk",
                        "label",
                        "店员",
                        "permissions",
                        List.of(ApiClient.map(
                                "object", "customer", "actions", List.of("read", "create", "update"), "scope", "own")),
                        "fieldAccess",
                        List.of(ApiClient.map("object", "customer", "field", "phone", "access", "hidden"))));
        api.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username", "clerk", "displayName", "店员", "password", PASSWORD, "roles", List.of("clerk")));
        String clerkId =
                login(tenant.slug(), "clerk", PASSWORD).get("/api/v1/me").string("id");
        String mine = create(api, "customer", "name", "店员的客户", "phone", "13612345678", "ownerId", clerkId);
        String notMine = create(api, "customer", "name", "别人的客户");

        PageSession admin = signIn(tenant);
        assertThat(admin.get("/records/customer/" + foreign).status()).isEqualTo(404);
        assertThat(admin.get("/customers/" + foreign).status()).isEqualTo(404);
        assertThat(admin.get("/records/no_such_object").status()).isEqualTo(404);

        PageSession clerk = new PageSession(baseUrl(), "zh-CN");
        clerk.signIn(tenant.slug(), "clerk", PASSWORD);
        assertThat(clerk.get("/records/customer/" + notMine).status()).isEqualTo(404);
        assertThat(clerk.get("/records/deal").status()).isEqualTo(404);
        PageSession.Page list = clerk.get("/records/customer?col=name&col=phone");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("店员的客户").doesNotContain("别人的客户", "13612345678", "value=\"phone\"", "手机/电话");
        PageSession.Page record = clerk.get("/records/customer/" + mine);
        assertThat(record.body()).contains("店员的客户").doesNotContain("13612345678", "f-phone");
        assertThat(clerk.get("/records/customer?f=phone&op=eq&v=1").body()).contains("没有名为");
        assertThat(clerk.get("/records/customer?cel=" + enc("phone == \"1\"")).status())
                .isEqualTo(400);
    }

    private PageSession signIn(TestTenant tenant) {
        PageSession session = new PageSession(baseUrl(), "zh-CN");
        session.signIn(tenant.slug(), "admin", PASSWORD);
        return session;
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
