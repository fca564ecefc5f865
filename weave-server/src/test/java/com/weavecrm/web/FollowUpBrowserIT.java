package com.weavecrm.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import com.weavecrm.support.Chromium;
import com.weavecrm.support.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Follow-up deadlines in headless Chromium: an administrator is refused an invalid condition, creates a
 * 48-hour policy through the form and finds it listed, then opens the figures. Saves screenshots like
 * {@link BrowserIT}. Skipped, with a message, when {@code /usr/bin/chromium} is missing.
 */
@Tag("browser")
class FollowUpBrowserIT extends IntegrationTest {

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
    void anAdministratorCreatesA48HourPolicyAndSeesItListed() {
        TestTenant tenant = newTenant();
        try (BrowserContext context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("zh-CN"))) {
            Page page = context.newPage();
            page.navigate(baseUrl() + "/login");
            page.fill("#tenant", tenant.slug());
            page.fill("#username", "admin");
            page.fill("#password", PASSWORD);
            page.click("button[type=submit]");
            page.waitForURL(baseUrl() + "/");

            page.click("#sidebar a[href='/admin/follow-up']");
            assertThat(page.locator("h1")).hasText("跟进时限");
            page.click("#new-policy");
            assertThat(page.locator("h1")).hasText("新建时限规则");
            page.fill("#name", "官网线索 48 小时");
            page.fill("#condition", "channel ==");
            page.fill("#followUpHours", "48");
            page.check("#onBreach-reassign_to_manager");
            page.click("#policy-form button[type=submit]");
            assertThat(page.locator("#condition-error")).containsText("表达式有误");
            assertThat(page.locator("#name")).hasValue("官网线索 48 小时");

            page.fill("#condition", "channel == \"web_form\"");
            shot(page, "follow-up-policy.png");
            page.click("#policy-form button[type=submit]");
            assertThat(page.locator(".toast")).containsText("跟进时限规则已创建");
            assertThat(page.locator("#policies-table")).containsText("官网线索 48 小时");
            assertThat(page.locator("#policies-table")).containsText("48 小时");
            assertThat(page.locator("#policies-table")).containsText("转给经理");
            shot(page, "follow-up-policies.png");

            page.click("#sidebar a[href='/follow-up']");
            assertThat(page.locator("h1")).hasText("跟进统计");
            page.click("#grouping a:has-text('按渠道')");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*by=channel.*"));
            page.goBack();
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/follow-up$"));
            shot(page, "follow-up.png");
        }
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
