package com.weavecrm.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import com.weavecrm.support.ApiClient;
import com.weavecrm.support.Chromium;
import com.weavecrm.support.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Lead capture end to end in a real browser (headless Chromium): an administrator builds a web form,
 * a visitor without an account fills it in on a phone, the lead arrives assigned by the rules with its
 * trace on the lead's page, goes back to the public pool, and a colleague claims it there. Skipped,
 * with a message, when {@code /usr/bin/chromium} is missing.
 */
@Tag("browser")
class WebFormBrowserIT extends IntegrationTest {

    private static Chromium chromium;
    private static Browser browser;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launchOrSkip("web form browser test");
        browser = chromium.browser();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aVisitorsFormBecomesAnAssignedLeadThatAColleagueClaimsFromThePool() {
        TestTenant tenant = newTenant();
        ApiClient api = tenant.admin();
        String seller = user(api, "wangfang", "王芳");
        String colleague = user(api, "xiaowang", "小王");
        assertThat(api.post(
                                "/api/v1/assignment-rules",
                                ApiClient.map(
                                        "name",
                                        "官网表单给王芳",
                                        "condition",
                                        "channel == \"web_form\"",
                                        "strategy",
                                        "round_robin",
                                        "members",
                                        List.of(ApiClient.map("userId", seller))))
                        .status())
                .isEqualTo(201);
        ApiClient.Response pool = api.post(
                "/api/v1/pools",
                ApiClient.map("name", "线索公海", "object", "lead", "inactiveDays", 30, "dailyClaimLimit", 5));
        assertThat(pool.status()).as(pool.text()).isEqualTo(201);

        String link;
        try (BrowserContext context = context(1280, 860)) {
            Page page = context.newPage();
            signIn(page, tenant.slug(), "admin");
            page.click("#sidebar a[href='/admin/web-forms']");
            assertThat(page.locator("h1")).hasText("网页表单");
            page.click("#new-web-form");
            page.fill("#name", "春季体验课报名");
            page.check("#required-name");
            page.check("#show-company");
            page.fill("#campaign", "春季体验课");
            page.fill("#consentText", "我同意按隐私政策与我联系");
            page.fill("#thankYou", "谢谢！顾问会尽快联系您。");
            page.click("#web-form-editor button[type=submit]");
            assertThat(page.locator(".toast")).containsText("网页表单已保存");
            assertThat(page.locator("#form-qr")).isVisible();
            page.waitForFunction("() => { const qr = document.querySelector('#form-qr');"
                    + " return qr.complete && qr.naturalWidth > 0; }");
            link = page.inputValue("#form-link");
            assertThat(link).matches(Pattern.quote(baseUrl()) + "/f/[A-Za-z0-9_-]{24}");
            shot(page, "web-form.png");
        }

        try (BrowserContext phone = context(390, 844)) {
            Page page = phone.newPage();
            page.navigate(link + "?utm_source=wechat&utm_campaign=spring");
            assertThat(page.locator("h1")).hasText("春季体验课报名");
            page.click("#public-form-submit");
            assertThat(page.locator("#name-error")).containsText("必填");
            page.fill("#f-name", "李娜");
            page.fill("#f-phone", "139 0000 6666");
            page.fill("#f-company", "云启科技");
            page.check("#consent");
            shot(page, "web-form-public.png");
            page.click("#public-form-submit");
            assertThat(page.locator("#thank-you")).hasText("谢谢！顾问会尽快联系您。");
        }

        JsonNode lead =
                api.get("/api/v1/objects/lead/records").json().path("data").get(0);
        String leadId = lead.path("id").asString();
        assertThat(lead.path("ownerId").asString()).isEqualTo(seller);
        assertThat(lead.path("campaign").asString()).isEqualTo("春季体验课");
        try (BrowserContext context = context(1280, 860)) {
            Page page = context.newPage();
            signIn(page, tenant.slug(), "admin");
            page.navigate(baseUrl() + "/records/lead/" + leadId);
            assertThat(page.locator("body")).containsText("春季体验课报名");
            assertThat(page.locator("body")).containsText("分配给 王芳");
            page.navigate(baseUrl() + "/leads/" + leadId + "/panel");
            assertThat(page.locator("body")).containsText("来自网页表单“春季体验课报名”");
        }
        ApiClient.Response returned = api.post(
                "/api/v1/pools/" + pool.string("id") + "/return",
                ApiClient.map("object", "lead", "recordIds", List.of(leadId), "reason", "客户暂无需求"));
        assertThat(returned.status()).as(returned.text()).isEqualTo(200);

        try (BrowserContext context = context(1280, 860)) {
            Page page = context.newPage();
            signIn(page, tenant.slug(), "xiaowang");
            page.navigate(baseUrl() + "/pools/" + pool.string("id"));
            assertThat(page.locator("body")).containsText("李娜");
            page.click("button.claim-record");
            assertThat(page.locator(".toast")).containsText("已领取");
            assertThat(page.locator("h1")).containsText("李娜");
        }
        assertThat(api.get("/api/v1/objects/lead/records/" + leadId).string("ownerId"))
                .isEqualTo(colleague);
    }

    private void signIn(Page page, String tenant, String username) {
        page.navigate(baseUrl() + "/login");
        page.fill("#tenant", tenant);
        page.fill("#username", username);
        page.fill("#password", PASSWORD);
        page.click("button[type=submit]");
        page.waitForURL(baseUrl() + "/");
    }

    private static String user(ApiClient api, String username, String displayName) {
        ApiClient.Response user = api.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username",
                        username,
                        "displayName",
                        displayName,
                        "password",
                        PASSWORD,
                        "roles",
                        List.of("sales")));
        assertThat(user.status()).as(user.text()).isEqualTo(201);
        return user.string("id");
    }

    private static BrowserContext context(int width, int height) {
        return browser.newContext(
                new Browser.NewContextOptions().setViewportSize(width, height).setLocale("zh-CN"));
    }

    private static void shot(Page page, String name) {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.isDirectory(here.resolve("weave-server")) ? here : here.getParent();
        Path dir = "docs".equals(System.getProperty("weave.screenshots"))
                ? root.resolve("docs").resolve("screenshots")
                : root.resolve("weave-server").resolve("target").resolve("screenshots");
        try {
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Files.createDirectories(dir).resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
