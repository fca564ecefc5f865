package com.weavecrm.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import com.weavecrm.support.Chromium;
import com.weavecrm.support.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The main screens in a real browser (Debian's headless Chromium driven by Playwright): sign in,
 * both languages, every admin page, creating an org unit and a user through the forms, sign out.
 * Saves a screenshot of each screen into {@code target/screenshots/}, or into the documentation's
 * {@code docs/screenshots/} with {@code -Dweave.screenshots=docs} (run it on a machine with a CJK font,
 * e.g. Debian's fonts-wqy-microhei). Skipped, with a message, when {@code /usr/bin/chromium} is
 * missing.
 */
@Tag("browser")
class BrowserIT extends IntegrationTest {

    private static Chromium chromium;
    private static Browser browser;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launchOrSkip("browser tests");
        browser = chromium.browser();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void anAdministratorWorksThroughEveryScreenInBothLanguages() {
        TestTenant tenant = newTenant();
        try (BrowserContext context = desktop()) {
            Page page = context.newPage();

            page.navigate(baseUrl() + "/login");
            assertThat(page.locator("h1")).hasText("登录");
            page.fill("#tenant", tenant.slug());
            page.fill("#username", "admin");
            page.fill("#password", "wrong-password");
            page.click("button[type=submit]");
            assertThat(page.locator(".alert-danger")).containsText("租户、用户名或密码不正确");
            shot(page, "login-error.png");
            page.fill("#password", PASSWORD);
            page.click("button[type=submit]");
            page.waitForURL(baseUrl() + "/");
            assertThat(page.locator("h1")).containsText("欢迎");
            assertThat(page.locator(".tenant-name"))
                    .containsText(tenant.tenant().name());
            assertThat(page.locator("#sidebar")).containsText("组织架构");

            page.click(".lang-switch button[value=en]");
            assertThat(page.locator("h1")).containsText("Welcome");
            assertThat(page.locator("#sidebar")).containsText("Users");
            shot(page, "home-en.png");

            heading(page, "/admin/org-units", "Organisation");
            page.fill("#unit-name", "Jing'an Store");
            page.selectOption("#unit-kind", "store");
            page.click("#org-unit-create button[type=submit]");
            assertThat(page.locator(".toast")).containsText("Org unit created.");
            assertThat(page.locator("#org-tree")).containsText("Jing'an Store");

            heading(page, "/admin/users", "Users");
            page.click("#new-user");
            assertThat(page.locator("h1")).hasText("New user");
            page.fill("#username", "wangfang");
            page.fill("#displayName", "王芳");
            page.fill("#password", "Wang-Fang-2026!");
            String store = page.locator("#orgUnitId option", new Page.LocatorOptions().setHasText("Jing'an Store"))
                    .getAttribute("value");
            page.selectOption("#orgUnitId", store);
            page.check("#role-sales");
            page.fill("#phone", "13800138000");
            page.click("#user-form button[type=submit]");
            assertThat(page.locator(".toast")).containsText("User created.");
            assertThat(page.locator("#users-table")).containsText("wangfang");
            assertThat(page.locator("#users-table")).containsText("Jing'an Store");
            shot(page, "users-en.png");

            heading(page, "/admin/roles", "Roles & permissions");
            heading(page, "/admin/roles/sales", "Role: Sales / clerk");
            heading(page, "/admin/settings", "Settings");
            heading(page, "/admin/audit", "Audit log");
            assertThat(page.locator("#audit-table")).containsText("wangfang");
            heading(page, "/me", "Profile");
            heading(page, "/platform/tenants", "You may not open this page");

            page.navigate(baseUrl() + "/");
            page.click(".lang-switch button[value=zh-CN]");
            assertThat(page.locator("h1")).containsText("欢迎");
            shot(page, "home.png");

            heading(page, "/admin/org-units", "组织架构");
            shot(page, "org-units.png");
            page.click("#org-tree a[href*='/admin/org-units/']:right-of(:text(\"Jing'an Store\"))");
            assertThat(page.locator("h1")).containsText("编辑组织单元");
            shot(page, "org-unit-edit.png");
            heading(page, "/admin/users", "用户");
            shot(page, "users.png");
            page.click("text=wangfang");
            assertThat(page.locator("h1")).containsText("编辑用户：王芳");
            shot(page, "user-edit.png");
            heading(page, "/admin/users/new", "新建用户");
            shot(page, "user-new.png");
            heading(page, "/admin/roles", "角色与权限");
            shot(page, "roles.png");
            heading(page, "/admin/roles/store_manager", "角色：店长");
            assertThat(page.locator("select[name='scope:customer:read']")).hasValue("unit");
            shot(page, "role.png");
            heading(page, "/admin/settings", "租户设置");
            shot(page, "settings.png");
            heading(page, "/admin/audit", "审计日志");
            shot(page, "audit.png");
            heading(page, "/me", "个人资料");
            page.fill("#token-name", "报表脚本");
            page.click("#token-form button[type=submit]");
            assertThat(page.locator("#new-token")).containsText("报表脚本");
            assertThat(page.locator("#token-secret")).not().hasValue("");
            shot(page, "me.png");
            heading(page, "/platform/tenants", "无权访问此页面");
            shot(page, "forbidden.png");
            page.navigate(baseUrl() + "/no/such/page");
            assertThat(page.locator("h1")).hasText("找不到这个页面");
            shot(page, "not-found.png");

            page.setViewportSize(390, 844);
            page.navigate(baseUrl() + "/");
            assertThat(page.locator("h1")).containsText("欢迎");
            shot(page, "home-phone.png");
            page.click("button[aria-controls=sidebar]");
            assertThat(page.locator("#sidebar")).isVisible();
            page.waitForTimeout(400);
            shot(page, "menu-phone.png");
            page.setViewportSize(1280, 800);
            page.navigate(baseUrl() + "/");

            page.click("#user-menu");
            page.click("#sign-out");
            page.waitForURL(Pattern.compile(".*/login\\?logout$"));
            assertThat(page.locator(".alert-success")).containsText("您已退出登录");
            page.navigate(baseUrl() + "/admin/users");
            assertThat(page).hasURL(baseUrl() + "/login");
            shot(page, "login.png");
        }
    }

    @Test
    void thePlatformAdministratorManagesTenants() {
        try (BrowserContext context = desktop()) {
            Page page = context.newPage();
            page.navigate(baseUrl() + "/login");
            page.fill("#tenant", "default");
            page.fill("#username", "admin");
            page.fill("#password", ADMIN_PASSWORD);
            page.click("button[type=submit]");
            page.waitForURL(baseUrl() + "/");
            heading(page, "/platform/tenants", "租户管理");
            String slug = "ui" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
            page.fill("#slug", slug);
            page.fill("#tenant-name", "华东连锁 " + slug);
            page.fill("#adminUsername", "boss");
            page.fill("#adminPassword", "Boss-Pass-2026!");
            page.click("#tenant-create button[type=submit]");
            assertThat(page.locator(".toast")).containsText("租户已创建");
            assertThat(page.locator("#tenants-table")).containsText(slug);
            shot(page, "tenants.png");
        }
    }

    private static BrowserContext desktop() {
        return browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("zh-CN"));
    }

    private void heading(Page page, String path, String text) {
        page.navigate(baseUrl() + path);
        Locator h1 = page.locator("h1");
        assertThat(h1).containsText(text);
    }

    private static void shot(Page page, String name) {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots().resolve(name)));
    }

    /** {@code target/screenshots}, or {@code docs/screenshots} of the repository when asked. */
    private static Path screenshots() {
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.isDirectory(here.resolve("weave-server")) ? here : here.getParent();
        Path dir = "docs".equals(System.getProperty("weave.screenshots"))
                ? root.resolve("docs").resolve("screenshots")
                : root.resolve("weave-server").resolve("target").resolve("screenshots");
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
