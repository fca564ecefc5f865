package com.weavecrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pages over plain HTTP: sign-in, languages, redirects, CSRF, every admin page, errors. */
class PagesIT extends IntegrationTest {

    private static final List<String> ADMIN_PAGES = List.of(
            "/",
            "/admin/org-units",
            "/admin/users",
            "/admin/users/new",
            "/admin/roles",
            "/admin/roles/tenant_admin",
            "/admin/roles/sales",
            "/admin/settings",
            "/admin/assignment",
            "/admin/assignment/rules/new",
            "/admin/follow-up",
            "/admin/follow-up/policies/new",
            "/follow-up",
            "/admin/audit",
            "/admin/pools",
            "/admin/pools/new",
            "/pools",
            "/me",
            "/platform/tenants");

    @Test
    void loginPageSpeaksChineseByDefaultAndEnglishWhenAsked() {
        PageSession.Page chinese = new PageSession(baseUrl(), "zh-CN").get("/login");
        assertThat(chinese.status()).isEqualTo(200);
        assertThat(chinese.body()).contains("登录", "租户", "用户名", "密码", "lang=\"zh-CN\"");

        PageSession.Page english = new PageSession(baseUrl(), "en-US,en;q=0.9").get("/login");
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.body())
                .contains("Sign in", "Tenant", "Username", "Password")
                .doesNotContain("登录");

        PageSession chosen = new PageSession(baseUrl(), "zh-CN");
        PageSession.Page switched = chosen.get("/login?lang=en");
        assertThat(switched.status()).isEqualTo(302);
        assertThat(chosen.hasCookie("WEAVE_LANG")).isTrue();
        assertThat(chosen.get("/login").body()).contains("Sign in");
    }

    @Test
    void protectedPagesSendSignedOutVisitorsToTheLoginPage() {
        PageSession visitor = new PageSession(baseUrl(), "zh-CN");
        for (String path : ADMIN_PAGES) {
            PageSession.Page page = visitor.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.location()).as(path).endsWith("/login");
        }
    }

    @Test
    void aSignedInAdministratorOpensEveryPage() {
        PageSession admin = new PageSession(baseUrl(), "zh-CN");
        PageSession.Page signedIn = admin.signIn("default", "admin", ADMIN_PASSWORD);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).endsWith("/");
        assertThat(admin.hasCookie("WEAVE_SESSION")).isTrue();
        for (String path : ADMIN_PAGES) {
            PageSession.Page page = admin.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("Weave CRM").doesNotContain("??ui.");
        }
        assertThat(admin.get("/admin/org-units").body()).contains("组织架构");
    }

    @Test
    void wrongPasswordShowsTheLocalizedProblemWith401() {
        PageSession.Page chinese = new PageSession(baseUrl(), "zh-CN").signIn("default", "admin", "not-the-password");
        assertThat(chinese.status()).isEqualTo(401);
        assertThat(chinese.body()).contains("租户、用户名或密码不正确");

        PageSession.Page english = new PageSession(baseUrl(), "en").signIn("no-such-tenant", "admin", "x");
        assertThat(english.status()).isEqualTo(401);
        assertThat(english.body()).contains("The tenant, username or password is not correct");

        PageSession.Page missing = new PageSession(baseUrl(), "zh-CN").signIn("default", "", "");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("必填");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() {
        TestTenant tenant = newTenant();
        PageSession admin = new PageSession(baseUrl(), "zh-CN");
        admin.signIn(tenant.slug(), "admin", PASSWORD);
        PageSession.Page refused = admin.post("/admin/org-units", Map.of("name", "无令牌门店", "kind", "store"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(tenant.admin().get("/api/v1/admin/org-units").text()).doesNotContain("无令牌门店");
    }

    @Test
    void aFormStaysValidWhileOtherPagesAreOpened() {
        TestTenant tenant = newTenant();
        PageSession admin = new PageSession(baseUrl(), "zh-CN");
        admin.signIn(tenant.slug(), "admin", PASSWORD);
        String token = PageSession.csrf(admin.get("/admin/org-units"));
        admin.get("/admin/users");
        admin.get("/admin/audit");
        PageSession.Page created =
                admin.post("/admin/org-units", Map.of("_csrf", token, "name", "多标签页门店", "kind", "store"));
        assertThat(created.status()).isEqualTo(302);
        assertThat(tenant.admin().get("/api/v1/admin/org-units").text()).contains("多标签页门店");
    }

    @Test
    void formsCreateThroughTheServicesAndShowFieldErrors() {
        TestTenant tenant = newTenant();
        PageSession admin = new PageSession(baseUrl(), "zh-CN");
        admin.signIn(tenant.slug(), "admin", PASSWORD);

        PageSession.Page empty =
                admin.post("/admin/org-units", form(admin, "/admin/org-units", "name", "", "kind", "store"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("is-invalid", "必填");

        PageSession.Page created =
                admin.post("/admin/org-units", form(admin, "/admin/org-units", "name", "静安店", "kind", "store"));
        assertThat(created.status()).isEqualTo(302);
        assertThat(admin.get(created.location().replace(baseUrl(), "")).body()).contains("静安店", "组织单元已创建");

        PageSession.Page user = admin.post(
                "/admin/users",
                form(
                        admin,
                        "/admin/users/new",
                        "username",
                        "wangfang",
                        "displayName",
                        "王芳",
                        "password",
                        "short",
                        "email",
                        "not-an-email"));
        assertThat(user.status()).isEqualTo(400);
        assertThat(user.body()).contains("至少需要 8 个字符", "格式不正确");
        assertThat(tenant.admin()
                        .get("/api/v1/admin/users?q=wangfang")
                        .json()
                        .path("data")
                        .size())
                .isZero();
    }

    @Test
    void aUserWithoutRightsSeesTheFriendly403AndUnknownPagesA404() {
        TestTenant tenant = newTenant();
        ApiClient.Response created = tenant.admin()
                .post(
                        "/api/v1/admin/users",
                        ApiClient.map("username", "clerk", "displayName", "店员", "password", PASSWORD));
        assertThat(created.status()).isEqualTo(201);
        PageSession clerk = new PageSession(baseUrl(), "zh-CN");
        assertThat(clerk.signIn(tenant.slug(), "clerk", PASSWORD).status()).isEqualTo(302);

        PageSession.Page home = clerk.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).doesNotContain("/admin/users\"");

        PageSession.Page forbidden = clerk.get("/admin/users");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).contains("无权访问此页面").doesNotContain("Exception");
        assertThat(clerk.get("/platform/tenants").status()).isEqualTo(403);

        PageSession.Page missing = clerk.get("/no/such/page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("找不到这个页面").doesNotContain("href=\"/login\"");
        clerk.post("/me/language", form(clerk, "/", "locale", "en", "back", "/"));
        PageSession.Page missingEnglish = clerk.get("/no/such/page");
        assertThat(missingEnglish.status()).isEqualTo(404);
        assertThat(missingEnglish.body()).contains("This page does not exist");
        assertThat(clerk.get("/admin/roles").body()).contains("You may not open this page");
        assertThat(new PageSession(baseUrl(), "en").get("/no/such/page").location())
                .endsWith("/login");
    }

    @Test
    void switchingLanguageIsStoredWithTheUserAndSignOutEndsTheSession() {
        TestTenant tenant = newTenant();
        PageSession admin = new PageSession(baseUrl(), "zh-CN");
        admin.signIn(tenant.slug(), "admin", PASSWORD);
        assertThat(admin.get("/").body()).contains("欢迎");

        PageSession.Page switched =
                admin.post("/me/language", form(admin, "/", "locale", "en", "back", "/admin/users"));
        assertThat(switched.status()).isEqualTo(302);
        assertThat(switched.location()).endsWith("/admin/users");
        assertThat(admin.get("/").body()).contains("Welcome", "Active users");

        PageSession.Page out = admin.post("/logout", form(admin, "/", "x", ""));
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location()).contains("/login?logout");
        assertThat(admin.get("/").status()).isEqualTo(302);
    }

    @Test
    void longListsOfferMoreRowsAsHtmxFragments() {
        TestTenant tenant = newTenant();
        for (int i = 0; i < UserPages.PAGE_SIZE + 2; i++) {
            ApiClient.Response created = tenant.admin()
                    .post(
                            "/api/v1/admin/users",
                            ApiClient.map(
                                    "username",
                                    String.format("clerk%03d", i),
                                    "displayName",
                                    "店员" + i,
                                    "password",
                                    PASSWORD));
            assertThat(created.status()).isEqualTo(201);
        }
        PageSession admin = new PageSession(baseUrl(), "zh-CN");
        admin.signIn(tenant.slug(), "admin", PASSWORD);

        PageSession.Page first = admin.get("/admin/users");
        assertThat(first.body())
                .contains("clerk000", "hx-get=\"/admin/users/rows?")
                .doesNotContain("clerk051");
        String more = moreLink(first.body(), "/admin/users/rows");
        PageSession.Page rows = admin.get(more);
        assertThat(rows.status()).isEqualTo(200);
        assertThat(rows.body()).contains("<tr", "clerk051").doesNotContain("<html", "clerk000");

        PageSession.Page audit = admin.get("/admin/audit?object=user&action=create");
        assertThat(audit.body()).contains("审计日志", "clerk051", "hx-get=\"/admin/audit/rows?");
        PageSession.Page older = admin.get(moreLink(audit.body(), "/admin/audit/rows"));
        assertThat(older.status()).isEqualTo(200);
        assertThat(older.body()).contains("<tr", "clerk000").doesNotContain("<html");
    }

    private static String moreLink(String page, String path) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "hx-get=\"(" + java.util.regex.Pattern.quote(path) + "[^\"]+)\"")
                .matcher(page);
        assertThat(m.find()).as("a more link to " + path).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    @Test
    void theRoleMatrixSavesTheApiShapeAndConflictsAreExplained() {
        TestTenant tenant = newTenant();
        PageSession admin = new PageSession(baseUrl(), "zh-CN");
        admin.signIn(tenant.slug(), "admin", PASSWORD);

        PageSession.Page created = admin.post(
                "/admin/roles",
                form(admin, "/admin/roles", "apiName", "store_clerk", "labelZh", "店员", "labelEn", "Clerk"));
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).contains("/admin/roles/store_clerk");
        PageSession.Page matrix = admin.get("/admin/roles/store_clerk");
        assertThat(matrix.body()).contains("角色：店员", "scope:customer:read", "scope:*:read");
        String version = matrix.body().replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");

        Map<String, String> fields = form(admin, "/admin/roles/store_clerk", "version", version, "labelZh", "店员");
        fields.put("labelEn", "Clerk");
        fields.put("scope:customer:read", "own");
        fields.put("scope:customer:create", "own");
        fields.put("scope:customer:update", "team");
        fields.put("scope:*:read", "all");
        fields.put("faObject", "customer");
        fields.put("faField", "phone");
        fields.put("faAccess", "read_only");
        PageSession.Page saved = admin.post("/admin/roles/store_clerk", fields);
        assertThat(saved.status()).isEqualTo(302);
        ApiClient.Response role = tenant.admin().get("/api/v1/admin/roles/store_clerk");
        assertThat(role.json().path("permissions").toString())
                .contains("{\"object\":\"customer\",\"actions\":[\"create\",\"read\"],\"scope\":\"own\"}")
                .contains("{\"object\":\"customer\",\"actions\":[\"update\"],\"scope\":\"team\"}")
                .contains("{\"object\":\"*\",\"actions\":[\"read\"],\"scope\":\"all\"}");
        assertThat(role.json().path("fieldAccess").toString()).contains("\"field\":\"phone\"", "read_only");

        fields.put("_csrf", PageSession.csrf(admin.get("/admin/roles/store_clerk")));
        PageSession.Page stale = admin.post("/admin/roles/store_clerk", fields);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("记录已被他人修改");

        PageSession.Page locked = admin.get("/admin/roles/tenant_admin");
        assertThat(locked.body()).contains("不能修改", "disabled");

        String rootId = tenant.admin()
                .get("/api/v1/admin/org-units")
                .json()
                .path("data")
                .get(0)
                .path("id")
                .asString();
        ApiClient.Response store = tenant.admin()
                .post("/api/v1/admin/org-units", ApiClient.map("name", "徐汇店", "kind", "store", "parentId", rootId));
        PageSession.Page notEmpty =
                admin.post("/admin/org-units/" + rootId + "/delete", form(admin, "/admin/org-units", "x", ""));
        assertThat(notEmpty.status()).isEqualTo(409);
        assertThat(notEmpty.body()).contains("该组织单元下还有下级单元或用户，不能删除");
        PageSession.Page deleted = admin.post(
                "/admin/org-units/" + store.string("id") + "/delete", form(admin, "/admin/org-units", "x", ""));
        assertThat(deleted.status()).isEqualTo(302);
    }

    /** Form fields plus the CSRF token of the page the form is on. */
    private static Map<String, String> form(PageSession session, String pagePath, String... keyValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", PageSession.csrf(session.get(pagePath)));
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put(keyValues[i], keyValues[i + 1]);
        }
        return fields;
    }
}
