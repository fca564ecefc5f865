package com.weavecrm.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.weavecrm.WeaveApplication;
import com.weavecrm.platform.organisation.TenantAdministration;
import com.weavecrm.platform.security.PasswordHasher;
import com.weavecrm.platform.tenancy.NewTenant;
import com.weavecrm.support.ApiClient;
import com.weavecrm.support.Chromium;
import com.weavecrm.support.IntegrationTest;
import com.weavecrm.support.TestClock;
import com.weavecrm.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Issue 6's acceptance point end to end: "An admin configures a web form, two assignment rules and a
 * 48 h SLA in the UI; a submitted form shows up assigned with its trace; the deadline escalates after
 * time is advanced; a restart in between loses nothing."
 *
 * <p>The admin's configuration, the visitor's submission and the lead's page are driven in headless
 * Chromium; the organisation (a manager and two reps in a team) is set up through the API, as the point
 * does not ask for it in the UI. The application is started twice on one data directory, like {@code
 * DeadlinesSurviveRestartIT}: the first takes the configuration and the lead, the second — with a clock
 * moved 49 hours on — must find the pending deadline in the database and escalate it. That is why this
 * test starts the applications itself rather than extending {@link IntegrationTest}: the browser needs
 * each one's port. Skipped, with a message, when {@code /usr/bin/chromium} is missing.
 */
@Tag("browser")
class LeadFlowAcceptanceBrowserIT {

    private static final String PASSWORD = IntegrationTest.PASSWORD;
    private static final String RULE_WECHAT = "微信来的官网线索给王芳";
    private static final String RULE_REST = "其余轮流给李雷";
    private static final String POLICY = "官网线索 48 小时跟进";
    private static final String FORM = "冬季体验课报名";

    private static Chromium chromium;
    private static Browser browser;

    static {
        WeaveApplication.quietJooq();
    }

    @BeforeAll
    static void launch() {
        chromium = Chromium.launchOrSkip("lead flow acceptance test");
        browser = chromium.browser();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aFormLeadIsAssignedByTheRulesAndEscalatedAfterARestart() throws Exception {
        Path dataDir = Files.createDirectories(
                Path.of("target", "it-data", "lead-flow").toAbsolutePath());
        String slug = "lf" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36);
        Team team;
        String leadId;

        try (ConfigurableApplicationContext first = start(dataDir)) {
            String base = baseUrl(first);
            ApiClient admin = newTenant(first, slug);
            team = team(admin);

            // 1. the admin configures everything in the browser
            try (BrowserContext context = desktop()) {
                Page page = context.newPage();
                signIn(page, base, slug, "admin");
                createRule(page, RULE_WECHAT, "channel == \"web_form\" && utmSource == \"wechat\"", team.repA());
                createRule(page, RULE_REST, "", team.repB());
                assertRulesListedInOrder(page);
                createFollowUpPolicy(page);
                String link = createWebForm(page, base);

                // 2. a visitor without an account fills the form in, coming from a WeChat article
                submitAsVisitor(link + "?utm_source=wechat&utm_medium=article");

                // 3. the lead is there, with the first matching rule's rep, and the page says why
                leadId = onlyLead(admin);
                JsonNode lead =
                        admin.get("/api/v1/objects/lead/records/" + leadId).json();
                assertThat(lead.path("ownerId").asString()).isEqualTo(team.repA());
                assertThat(lead.path("name").asString()).isEqualTo("赵敏");
                assertTraceOnLeadPage(page, base, leadId);
            }
            // the 48 h deadline is a row in the database before the application stops
            assertThat(deadlines(admin, leadId))
                    .extracting(LeadFlowAcceptanceBrowserIT::kindAndStatus)
                    .containsExactly("follow_up:pending");
        }

        // 4. a second application on the same data directory; 5. its clock moved past the 48 hours
        try (ConfigurableApplicationContext second = start(dataDir)) {
            String base = baseUrl(second);
            second.getBean(TestClock.class).advance(Duration.ofHours(49));
            ApiClient admin = login(second, slug, "admin");

            List<JsonNode> after = waitForDeadlines(
                    admin,
                    leadId,
                    ds -> ds.stream()
                            .anyMatch(d -> "breached".equals(d.path("status").asString())));
            assertThat(after).anySatisfy(d -> {
                assertThat(kindAndStatus(d)).isEqualTo("follow_up:breached");
                assertThat(d.path("ownerId").asString()).isEqualTo(team.repA());
                assertThat(d.path("outcome").asString()).isEqualTo("reassigned to " + team.manager());
            });
            // the manager's own 48 hours start when the lead reaches them
            assertThat(after).anySatisfy(d -> {
                assertThat(kindAndStatus(d)).isEqualTo("follow_up:pending");
                assertThat(d.path("ownerId").asString()).isEqualTo(team.manager());
            });
            assertThat(admin.get("/api/v1/objects/lead/records/" + leadId).string("ownerId"))
                    .isEqualTo(team.manager());
            assertThat(admin.get("/api/v1/audit?object=lead&recordId=" + leadId + "&action=deadline_breach")
                            .json()
                            .path("data")
                            .size())
                    .isEqualTo(1);
            String inbox =
                    login(second, slug, "manager").get("/api/v1/notifications").text();
            assertThat(inbox).contains("sla_breach", "lead_assigned", "/records/lead/" + leadId);

            // nothing was lost: the same page, served by the second application, still has the trace
            try (BrowserContext context = desktop()) {
                Page page = context.newPage();
                signIn(page, base, slug, "admin");
                Locator panel = openLeadPanel(page, base, leadId);
                assertThat(panel.locator("#lead-trace")).containsText("规则“" + RULE_WECHAT + "”：条件成立");
                Locator breached = panel.locator("#lead-deadlines tr[data-status=breached]");
                assertThat(breached).containsText("已超时");
                assertThat(breached).containsText("reassigned to " + team.manager());
                assertThat(panel.locator("#lead-deadlines tr[data-status=pending]"))
                        .containsText("进行中");
            }
        }
    }

    // --- the admin's pages ---------------------------------------------------------------------

    /** A round-robin rule for one member, through Settings → 线索分配 → 新建规则. */
    private static void createRule(Page page, String name, String condition, String member) {
        page.click("#sidebar a[href='/admin/assignment']");
        assertThat(page.locator("h1")).hasText("线索分配");
        page.click("#new-rule");
        assertThat(page.locator("h1")).hasText("新建规则");
        page.fill("#name", name);
        page.fill("#condition", condition);
        page.selectOption("#strategy", "round_robin");
        page.check("#member-" + member);
        page.check("#active");
        page.click("#rule-form button[type=submit]");
        assertThat(page.locator(".toast")).containsText("分配规则已创建");
    }

    /** Order matters: the specific rule first, the catch-all second. */
    private static void assertRulesListedInOrder(Page page) {
        page.click("#sidebar a[href='/admin/assignment']");
        Locator rows = page.locator("#rules-table tbody tr");
        assertThat(rows).hasCount(2);
        assertThat(rows.nth(0)).containsText(RULE_WECHAT);
        assertThat(rows.nth(0)).containsText("utmSource == \"wechat\"");
        assertThat(rows.nth(0)).containsText("王芳");
        assertThat(rows.nth(1)).containsText(RULE_REST);
        assertThat(rows.nth(1)).containsText("李雷");
    }

    /**
     * Follow-up in 48 hours, a miss reassigns the lead to the manager. The first-response time is left
     * empty so that the follow-up deadline is the only one and the escalation is the 48 hours'.
     */
    private static void createFollowUpPolicy(Page page) {
        page.click("#sidebar a[href='/admin/follow-up']");
        assertThat(page.locator("h1")).hasText("跟进时限");
        page.click("#new-policy");
        assertThat(page.locator("h1")).hasText("新建时限规则");
        page.fill("#name", POLICY);
        page.fill("#condition", "channel == \"web_form\"");
        page.fill("#firstResponseMinutes", "");
        page.fill("#followUpHours", "48");
        page.check("#onBreach-reassign_to_manager");
        page.click("#policy-form button[type=submit]");
        assertThat(page.locator(".toast")).containsText("跟进时限规则已创建");
        Locator row = page.locator("#policies-table tbody tr", new Page.LocatorOptions().setHasText(POLICY));
        assertThat(row).containsText("48 小时");
        assertThat(row).containsText("转给经理");
    }

    /** An active form with name (required), phone and company; returns its public link. */
    private static String createWebForm(Page page, String base) {
        page.click("#sidebar a[href='/admin/web-forms']");
        assertThat(page.locator("h1")).hasText("网页表单");
        page.click("#new-web-form");
        page.fill("#name", FORM);
        page.check("#required-name");
        page.check("#show-company");
        page.fill("#campaign", "冬季体验课");
        page.fill("#consentText", "我同意按隐私政策与我联系");
        page.fill("#thankYou", "谢谢！顾问会在 48 小时内联系您。");
        page.check("#active");
        page.click("#web-form-editor button[type=submit]");
        assertThat(page.locator(".toast")).containsText("网页表单已保存");
        String link = page.inputValue("#form-link");
        assertThat(link).matches(Pattern.quote(base) + "/f/[A-Za-z0-9_-]{24}");

        page.click("#sidebar a[href='/admin/web-forms']");
        Locator row = page.locator("#web-forms-table tbody tr", new Page.LocatorOptions().setHasText(FORM));
        assertThat(row).containsText("冬季体验课");
        assertThat(row.locator(".badge")).hasText("启用");
        return link;
    }

    // --- the visitor ---------------------------------------------------------------------------

    /** In a context of its own, without cookies: nobody is signed in, as for a visitor on a phone. */
    private static void submitAsVisitor(String link) {
        try (BrowserContext phone = context(390, 844)) {
            Page page = phone.newPage();
            page.navigate(link);
            assertThat(page.locator("h1")).hasText(FORM);
            page.fill("#f-name", "赵敏");
            page.fill("#f-phone", "139 0000 7788");
            page.fill("#f-company", "明教文化");
            page.check("#consent");
            page.click("#public-form-submit");
            assertThat(page).hasURL(Pattern.compile(".*/f/[A-Za-z0-9_-]{24}/thanks$"));
            assertThat(page.locator("#thank-you")).hasText("谢谢！顾问会在 48 小时内联系您。");
        }
    }

    // --- the lead's page -----------------------------------------------------------------------

    /** The record page loads the lead's panel with htmx; waits for it rather than for time. */
    private static Locator openLeadPanel(Page page, String base, String leadId) {
        page.navigate(base + "/records/lead/" + leadId);
        assertThat(page.locator("h1")).containsText("赵敏");
        Locator panel = page.locator("#lead-panel");
        assertThat(panel).isVisible();
        return panel;
    }

    /** Where it came from, the rule that matched and why, who got it; the catch-all never ran. */
    private static void assertTraceOnLeadPage(Page page, String base, String leadId) {
        Locator trace = openLeadPanel(page, base, leadId).locator("#lead-trace");
        assertThat(trace).containsText("来自网页表单“" + FORM + "”");
        assertThat(trace).containsText("规则“" + RULE_WECHAT + "”：条件成立");
        assertThat(trace.locator("[data-step=assigned]")).containsText("分配给 王芳：轮流分配，轮到第一位");
        assertThat(trace).not().containsText(RULE_REST);
        assertThat(page.locator("#lead-deadlines tr[data-status=pending]")).containsText("跟进");
    }

    // --- the applications and the API ----------------------------------------------------------

    /** The manager and two sales reps in one team; the reps report to the manager. */
    private record Team(String manager, String repA, String repB) {}

    private static Team team(ApiClient admin) {
        ApiClient.Response unit =
                admin.post("/api/v1/admin/org-units", ApiClient.map("name", "华东销售一组", "kind", "team"));
        assertThat(unit.status()).as(unit.text()).isEqualTo(201);
        String team = unit.string("id");
        String manager = user(admin, "manager", "陈经理", "store_manager", team, null);
        return new Team(
                manager,
                user(admin, "wangfang", "王芳", "sales", team, manager),
                user(admin, "lilei", "李雷", "sales", team, manager));
    }

    private static String user(
            ApiClient admin, String username, String displayName, String role, String unit, String managerId) {
        ApiClient.Response created = admin.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username",
                        username,
                        "displayName",
                        displayName,
                        "password",
                        PASSWORD,
                        "roles",
                        List.of(role),
                        "orgUnitId",
                        unit,
                        "managerId",
                        managerId));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.string("id");
    }

    private static ApiClient newTenant(ConfigurableApplicationContext app, String slug) {
        app.getBean(TenantAdministration.class)
                .create(new NewTenant(
                        slug,
                        "线索验收 " + slug,
                        "admin",
                        app.getBean(PasswordHasher.class).hash(PASSWORD)));
        return login(app, slug, "admin");
    }

    private static String onlyLead(ApiClient admin) {
        JsonNode leads = admin.get("/api/v1/objects/lead/records").json().path("data");
        assertThat(leads.size()).as(leads.toString()).isEqualTo(1);
        return leads.get(0).path("id").asString();
    }

    /**
     * The whole product as the integration tests configure it, on a free port. Command-line arguments,
     * so that they win over the product's own configuration (as in DeadlinesSurviveRestartIT).
     */
    private static ConfigurableApplicationContext start(Path dataDir) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--weave.data-dir=" + dataDir,
                "--weave.admin-password=" + IntegrationTest.ADMIN_PASSWORD,
                "--weave.security.argon2-memory-kib=1024",
                "--weave.security.argon2-iterations=1",
                "--weave.security.max-failures-per-address=100000",
                "--logging.file.name=",
                "--db-scheduler.polling-interval=1s"));
        if (TestDatabase.isExternal()) {
            // a database of its own: the suite's application (another clock) must not run this one's timers
            args.add("--spring.datasource.url=" + TestDatabase.externalUrl("leadflow"));
        }
        return new SpringApplicationBuilder(WeaveApplication.class, TestClock.Configuration.class)
                .run(args.toArray(String[]::new));
    }

    private static String baseUrl(ConfigurableApplicationContext app) {
        return "http://localhost:" + app.getEnvironment().getRequiredProperty("local.server.port");
    }

    private static ApiClient login(ConfigurableApplicationContext app, String slug, String username) {
        ApiClient anonymous = new ApiClient(baseUrl(app), null);
        ApiClient.Response response = anonymous.post(
                "/api/v1/auth/login", ApiClient.map("tenant", slug, "username", username, "password", PASSWORD));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return anonymous.as(response.string("token"));
    }

    private static void signIn(Page page, String base, String slug, String username) {
        page.navigate(base + "/login");
        page.fill("#tenant", slug);
        page.fill("#username", username);
        page.fill("#password", PASSWORD);
        page.click("button[type=submit]");
        page.waitForURL(base + "/");
    }

    private static BrowserContext desktop() {
        return context(1280, 860);
    }

    private static BrowserContext context(int width, int height) {
        return browser.newContext(
                new Browser.NewContextOptions().setViewportSize(width, height).setLocale("zh-CN"));
    }

    private static String kindAndStatus(JsonNode deadline) {
        return deadline.path("kind").asString() + ":" + deadline.path("status").asString();
    }

    private static List<JsonNode> deadlines(ApiClient client, String leadId) {
        ApiClient.Response response = client.get("/api/v1/leads/" + leadId + "/deadlines");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        response.json().path("data").forEach(list::add);
        return list;
    }

    /** Polls the deadlines until {@code done} holds or 60 s pass; the sweep runs every second. */
    private static List<JsonNode> waitForDeadlines(ApiClient client, String leadId, Predicate<List<JsonNode>> done)
            throws InterruptedException {
        Instant until = Instant.now().plusSeconds(60);
        List<JsonNode> now = deadlines(client, leadId);
        while (!done.test(now) && Instant.now().isBefore(until)) {
            Thread.sleep(250);
            now = deadlines(client, leadId);
        }
        return now;
    }
}
