package com.weavecrm.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import com.weavecrm.platform.tenancy.Tenant;
import com.weavecrm.setup.DemoTenants;
import com.weavecrm.support.ApiClient;
import com.weavecrm.support.Chromium;
import com.weavecrm.support.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The record screens in headless Chromium on the demo company: create a customer through the form,
 * edit a field in place, drag a kanban card to another column, open a customer 360, search. Saves
 * screenshots like {@link BrowserIT} ({@code -Dweave.screenshots=docs} writes them into the docs).
 * Skipped, with a message, when {@code /usr/bin/chromium} is missing.
 */
@Tag("browser")
class RecordsBrowserIT extends IntegrationTest {

    private static Chromium chromium;
    private static Browser browser;

    @Autowired
    ApplicationContext context;

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
    void aUserCreatesEditsMovesOpensA360AndSearches() {
        String slug = "demo" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Tenant tenant = DemoTenants.create(context, slug, PASSWORD);
        ApiClient api = login(tenant.slug(), "admin", PASSWORD);
        try (BrowserContext browserContext = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1280, 860).setLocale("zh-CN"))) {
            Page page = browserContext.newPage();
            page.navigate(baseUrl() + "/login");
            page.fill("#tenant", tenant.slug());
            page.fill("#username", "admin");
            page.fill("#password", PASSWORD);
            page.click("button[type=submit]");
            page.waitForURL(baseUrl() + "/");

            page.click("#sidebar a[href='/records/customer']");
            assertThat(page.locator("#records-table tbody tr").first()).isVisible();
            assertThat(page.locator("#record-total")).containsText("144");
            shot(page, "records-list.png");

            page.click("#new-record");
            assertThat(page.locator("h1")).containsText("新建客户");
            page.fill("#field-name", "张伟");
            page.selectOption("#field-kind", "person");
            page.fill("#field-phone", "13800138000");
            page.click("#record-form button[type=submit]");
            assertThat(page.locator(".toast")).containsText("记录已创建");
            assertThat(page.locator("h1")).hasText("张伟");
            String id = page.url().replaceAll(".*/records/customer/([0-9a-f-]{36}).*", "$1");

            page.click("#f-company .edit-field");
            page.fill("#edit-company", "云启科技");
            page.click("#f-company .save-field");
            assertThat(page.locator("#f-company dd")).containsText("云启科技");
            assertThat(page.locator("#edit-company")).hasCount(0);
            assertThat(api.get("/api/v1/objects/customer/records/" + id).string("company"))
                    .isEqualTo("云启科技");
            shot(page, "record-page.png");

            page.navigate(baseUrl() + "/records/customer?mode=kanban&by=channel");
            assertThat(page.locator(".kanban-lane").first()).isVisible();
            shot(page, "kanban.png");
            page.navigate(baseUrl() + "/records/customer?mode=kanban&by=kind&f=company&op=eq&v="
                    + URLEncoder.encode("云启科技", StandardCharsets.UTF_8));
            assertThat(page.locator(".kanban-cards[data-value=person] .kanban-card"))
                    .hasCount(1);
            page.locator(".kanban-cards[data-value=person] .kanban-card")
                    .dragTo(page.locator(".kanban-cards[data-value=company]"));
            assertThat(page.locator(".kanban-cards[data-value=company] .kanban-card:not(.kanban-saving)"))
                    .hasCount(1);
            assertThat(api.get("/api/v1/objects/customer/records/" + id).string("kind"))
                    .isEqualTo("company");
            // someone else saves the record meanwhile: the next move is refused and the card goes back
            api.patch("/api/v1/objects/customer/records/" + id, ApiClient.map("industry", "零售"));
            page.locator(".kanban-cards[data-value=company] .kanban-card")
                    .dragTo(page.locator(".kanban-cards[data-value=person]"));
            assertThat(page.locator(".toast.text-bg-danger")).containsText("已被他人修改");
            assertThat(page.locator(".kanban-cards[data-value=company] .kanban-card"))
                    .hasCount(1);
            assertThat(page.locator(".kanban-cards[data-value=person] .kanban-card"))
                    .hasCount(0);
            assertThat(api.get("/api/v1/objects/customer/records/" + id).string("kind"))
                    .isEqualTo("company");

            String customer = api.get("/api/v1/objects/customer/records?limit=1&sort=createdAt")
                    .json()
                    .path("data")
                    .get(0)
                    .path("id")
                    .asString();
            page.navigate(baseUrl() + "/customers/" + customer);
            assertThat(page.locator("#c360-cid")).not().isEmpty();
            assertThat(page.locator("#c360-timeline .timeline-item").first()).isVisible();
            assertThat(page.locator("#c360-deals")).isVisible();
            shot(page, "customer-360.png");
            int before = page.locator("#c360-timeline .timeline-item").count();
            if (page.locator("#more-activities").count() > 0) {
                page.click("#more-activities");
                page.waitForCondition(
                        () -> page.locator("#c360-timeline .timeline-item").count() > before);
            }

            page.fill("#topbar-q", "zw");
            page.press("#topbar-q", "Enter");
            assertThat(page.locator("h1")).hasText("搜索");
            assertThat(page.locator(".search-group[data-object=customer]")).containsText("张伟");
            shot(page, "search.png");
            page.locator(".search-group[data-object=customer] .search-hit:text('张伟')")
                    .first()
                    .click();
            assertThat(page.locator("#c360-profile")).containsText("张伟");

            page.setViewportSize(390, 844);
            page.navigate(baseUrl() + "/records/customer");
            assertThat(page.locator("#records-table")).isVisible();
            shot(page, "records-list-phone.png");
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
