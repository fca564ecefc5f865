package com.weavecrm.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The object manager in headless Chromium: an admin creates a custom object and its fields through
 * the forms (the type's own inputs appear as the type changes, picklist rows are added in the page),
 * arranges the form layout with the keyboard-accessible buttons and a drag, and saves it. Screenshots
 * go where {@link BrowserIT} puts its own ({@code -Dweave.screenshots=docs} for the documentation).
 */
@Tag("browser")
class ObjectAdminBrowserIT extends IntegrationTest {

    /** Elements sticking out of the screen on the right, outside any scrolling table. */
    private static final String WIDER_THAN_SCREEN = """
            Array.from(document.querySelectorAll('body *'))
              .filter(e => !e.closest('.table-responsive, .offcanvas-lg, template'))
              .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
              .map(e => e.tagName + '#' + e.id + '.' + e.className)
            """;

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
    void anAdministratorBuildsAnObjectItsFieldsAndItsFormLayout() {
        TestTenant tenant = newTenant();
        try (BrowserContext context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("zh-CN"))) {
            Page page = context.newPage();
            page.onPageError(error -> System.out.println("page error: " + error));
            page.navigate(baseUrl() + "/login");
            page.fill("#tenant", tenant.slug());
            page.fill("#username", "admin");
            page.fill("#password", PASSWORD);
            page.click("button[type=submit]");
            page.waitForURL(baseUrl() + "/");

            page.click("#sidebar a[href='/admin/objects']");
            assertThat(page.locator("h1")).hasText("对象与字段");
            page.fill("#object-apiName", "Course!");
            page.fill("#object-labelZh", "课程");
            page.click("#object-create button[type=submit]");
            assertThat(page.locator("#apiName-error")).hasText("格式不正确");
            page.fill("#object-apiName", "course");
            page.fill("#object-labelEn", "Course");
            page.fill("#object-pluralZh", "课程");
            page.fill("#object-pluralEn", "Courses");
            page.click("#object-create button[type=submit]");
            assertThat(page.locator(".toast")).containsText("对象已创建");
            assertThat(page.locator("h1")).containsText("课程");

            addTitleField(page);
            page.click("#new-field");
            assertThat(page.locator("h1")).hasText("新建字段");
            page.fill("#apiName", "level");
            page.fill("#labelZh", "级别");
            page.fill("#labelEn", "Level");
            assertThat(page.locator("#maxLength")).isVisible();
            page.selectOption("#type", "picklist");
            assertThat(page.locator("#maxLength")).isHidden();
            assertThat(page.locator("#add-value")).isVisible();
            String[][] values = {{"beginner", "初级", "Beginner"}, {"advanced", "高级", "Advanced"}};
            for (int i = 0; i < values.length; i++) {
                page.click("#add-value");
                String row = "#value-rows tr:nth-child(" + (i + 1) + ") ";
                page.fill(row + "input[name$='.value']", values[i][0]);
                page.fill(row + "input[name$='.zh']", values[i][1]);
                page.fill(row + "input[name$='.en']", values[i][2]);
            }
            page.fill("#helpText", "课程难度");
            shot(page, "field-editor.png");
            page.click("#field-form button[type=submit]");
            assertThat(page.locator(".toast")).containsText("字段已添加");
            assertThat(page.locator("#field-level")).containsText("单选列表");

            page.setViewportSize(390, 844);
            page.navigate(baseUrl() + "/admin/objects/course/fields/level");
            assertThat(page.locator("#value-rows tr")).hasCount(2);
            assertThat(page.evaluate(WIDER_THAN_SCREEN).toString()).isEqualTo("[]");
            page.setViewportSize(1280, 800);

            page.navigate(baseUrl() + "/admin/objects");
            assertThat(page.locator("#objects-table")).containsText("course");
            shot(page, "objects.png");

            page.navigate(baseUrl() + "/admin/objects/course");
            page.click("#object-layout");
            assertThat(page.locator("h1")).containsText("表单布局");
            assertThat(page.locator("[data-field=title] .required-mark")).isVisible();
            page.click("#add-section");
            page.fill("#section-1-zh", "课程设置");
            page.fill("#section-1-en", "Settings");
            page.selectOption("#section-1-columns", "1");
            // level is last in the first section: "down" moves it into the new one
            page.click("[data-field=level] [data-move=down]");
            assertThat(page.locator("[data-layout-section]:nth-child(2) [data-field=level]"))
                    .isVisible();
            page.click("[data-field=level] [data-move=up]");
            page.click("[data-field=level] [data-move=up]");
            assertThat(page.locator("[data-layout-section]:nth-child(1) [data-field]")
                            .first())
                    .hasAttribute("data-field", "level");
            // and back by drag and drop (SortableJS)
            page.locator("[data-field=level] .drag-handle")
                    .dragTo(page.locator("[data-layout-section]:nth-child(2) [data-layout-fields]"));
            assertThat(page.locator("[data-layout-section]:nth-child(2) [data-field=level]"))
                    .isVisible();
            page.click("#save-layout");
            assertThat(page.locator(".toast")).containsText("表单布局已保存");
            assertThat(page.locator("#section-1-en")).hasValue("Settings");
            shot(page, "layout-designer.png");

            JsonNode layout =
                    tenant.admin().get("/api/v1/objects/course/layout").json();
            assertThat(layout.path("sections").size()).isEqualTo(2);
            assertThat(layout.path("sections").get(0).path("fields").toString()).isEqualTo("[\"title\"]");
            assertThat(layout.path("sections").get(1).path("fields").toString()).isEqualTo("[\"level\"]");
            assertThat(layout.path("sections").get(1).path("columns").asInt()).isEqualTo(1);
            assertThat(layout.path("sections").get(1).path("title").path("en").asString())
                    .isEqualTo("Settings");

            page.setViewportSize(390, 844);
            for (String path : List.of("/admin/objects", "/admin/objects/course", "/admin/objects/course/layout")) {
                page.navigate(baseUrl() + path);
                assertThat(page.evaluate(WIDER_THAN_SCREEN).toString()).as(path).isEqualTo("[]");
            }
            page.setViewportSize(1280, 800);

            // a required field left in the palette is refused with the service's reason
            page.click("[data-field=title] [data-move=down]");
            page.click("[data-field=title] [data-move=down]");
            page.click("[data-field=title] [data-move=down]");
            assertThat(page.locator("#layout-palette [data-field=title]")).isVisible();
            page.click("#save-layout");
            assertThat(page.locator(".alert-danger")).isVisible();
            assertThat(page.locator("#sections-error")).containsText("title");
        }
    }

    private void addTitleField(Page page) {
        page.click("#new-field");
        page.fill("#apiName", "title");
        page.fill("#labelZh", "课程名称");
        page.fill("#labelEn", "Title");
        page.check("#required");
        page.click("#field-form button[type=submit]");
        assertThat(page.locator(".toast")).containsText("字段已添加");
    }

    private static void shot(Page page, String name) {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots().resolve(name)));
    }

    /** {@code target/screenshots}, or {@code docs/screenshots} of the repository when asked (as BrowserIT). */
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
