package com.weavecrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The follow-up figures page on the product's clock: leads answered and followed up in time, late or
 * not at all give the figures per owner, store and channel; each row traces to its deadlines and to
 * the lead list, whose follow-up columns show and filter and ignore writes; the data scope applies.
 */
class FollowUpStatsPagesIT extends IntegrationTest {

    private static final Pattern CELL = Pattern.compile("(?s)<t[hd][^>]*>(.*?)</t[hd]>");

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theFiguresCountWhatWasMetAndMissedAndTraceToTheirLeads() throws Exception {
        TestTenant tenant = newTenant();
        ApiClient api = tenant.admin();
        api.post(
                "/api/v1/follow-up/policies",
                ApiClient.map(
                        "name",
                        "官网线索",
                        "condition",
                        "channel == \"web_form\"",
                        "firstResponseMinutes",
                        30,
                        "followUpHours",
                        48,
                        "onBreach",
                        "notify_manager"));
        String zhang = FollowUpPagesIT.user(api, "zhangsan", "张三", List.of("sales"));
        String li = FollowUpPagesIT.user(api, "lisi", "李四", List.of("sales"));
        String answered = lead(api, "孙芬", "13812345601", zhang, "web_form");
        String forgotten = lead(api, "高天", "13812345602", zhang, "web_form");
        String quick = lead(api, "钱多多", "13812345603", li, "web_form");
        lead(api, "门店客", "13812345604", li, "store");

        clock.advance(Duration.ofMinutes(10));
        assertThat(api.post("/api/v1/leads/" + answered + "/confirm", Map.of()).status())
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(10));
        assertThat(api.patch("/api/v1/objects/lead/records/" + quick, Map.of("status", "qualified"))
                        .status())
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(40));
        assertThat(api.patch("/api/v1/objects/lead/records/" + answered, Map.of("status", "qualified"))
                        .status())
                .isEqualTo(200);
        clock.advance(Duration.ofHours(49));
        ApiClient admin = login(tenant.slug(), "admin", PASSWORD);
        awaitBreached(admin, forgotten);

        PageSession page = new PageSession(baseUrl(), "zh-CN");
        page.signIn(tenant.slug(), "admin", PASSWORD);
        PageSession.Page owners = page.get("/follow-up");
        assertThat(owners.status()).isEqualTo(200);
        assertThat(owners.body()).contains("跟进统计", "按负责人", "跟进率", "首次响应中位数（分钟）");
        // leads, in time, missed first responses, median, average, follow-ups met, missed, open, rate
        List<String> first = cells(row(owners.body(), zhang));
        assertThat(first.subList(0, 4)).containsExactly("张三", "2", "1", "1");
        assertThat(first.get(4)).matches("10\\.[01]");
        assertThat(first.get(5)).matches("10\\.[01]");
        assertThat(first.subList(6, 10)).containsExactly("1", "1", "0", "50.0%");
        List<String> second = cells(row(owners.body(), li));
        assertThat(second.subList(0, 4)).containsExactly("李四", "1", "1", "0");
        assertThat(second.get(4)).matches("20\\.[01]");
        assertThat(second.subList(6, 10)).containsExactly("1", "0", "0", "100.0%");

        PageSession.Page channels = page.get("/follow-up?by=channel");
        List<String> web = cells(row(channels.body(), "web_form"));
        assertThat(web.subList(0, 4)).containsExactly("官网表单", "3", "2", "1");
        assertThat(web.get(4)).matches("15\\.[01]");
        assertThat(web.subList(6, 10)).containsExactly("2", "1", "0", "66.7%");
        assertThat(channels.body()).doesNotContain("data-key=\"store\"");
        assertThat(cells(only(page.get("/follow-up?by=store").body())).subList(1, 4))
                .containsExactly("3", "2", "1");
        String today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Shanghai"))
                .toString();
        assertThat(page.get("/follow-up?by=owner&from=" + today + "&to=" + today)
                        .body())
                .contains("这段时间没有开始的跟进时限");
        PageSession.Page backwards = page.get("/follow-up?from=2026-05-02&to=2026-05-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("id=\"to-error\"", "结束必须晚于开始");

        String details = link(owners.body(), "/follow-up/deadlines?");
        PageSession.Page deadlines = page.get(details);
        assertThat(deadlines.status()).isEqualTo(200);
        assertThat(deadlines.body()).contains("张三：计入统计的跟进时限", "孙芬", "高天").doesNotContain("钱多多");
        assertThat(count(deadlines.body(), "data-status=\"breached\"")).isEqualTo(2);
        assertThat(count(deadlines.body(), "data-status=\"met\"")).isEqualTo(2);

        PageSession.Page leads = page.get(link(owners.body(), "/records/lead?"));
        assertThat(leads.status())
                .as(leads.body().replaceAll("(?s).*<main", "").replaceAll("(?s)<table.*", ""))
                .isEqualTo(200);
        assertThat(leads.body())
                .contains("孙芬", "高天", "首次响应（分钟）", "跟进状态", "按时跟进", "已超时")
                .doesNotContain("钱多多");

        ApiClient.Response missed = admin.get("/api/v1/objects/lead/records?filter="
                + java.net.URLEncoder.encode(
                        "followUpStatus == \"breached\"", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(missed.json().path("data").size()).isEqualTo(1);
        assertThat(missed.json().path("data").get(0).path("id").asString()).isEqualTo(forgotten);
        var met = admin.get("/api/v1/objects/lead/records/" + answered).json();
        assertThat(met.path("followUpStatus").asString()).isEqualTo("met");
        assertThat(met.path("firstResponseMinutes").asInt()).isEqualTo(10);
        assertThat(admin.get("/api/v1/objects/lead/records/" + quick)
                        .json()
                        .path("firstResponseMinutes")
                        .asInt())
                .isEqualTo(20);
        ApiClient.Response sentBack =
                admin.patch("/api/v1/objects/lead/records/" + forgotten, Map.of("followUpStatus", "met"));
        assertThat(sentBack.status()).as(sentBack.text()).isEqualTo(200);
        assertThat(sentBack.string("followUpStatus"))
                .as("product-filled fields ignore what clients send")
                .isEqualTo("breached");

        PageSession own = new PageSession(baseUrl(), "zh-CN");
        own.signIn(tenant.slug(), "lisi", PASSWORD);
        PageSession.Page mine = own.get("/follow-up");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).contains("data-key=\"" + li + "\"").doesNotContain("data-key=\"" + zhang + "\"");
    }

    private static String lead(ApiClient api, String name, String phone, String owner, String channel) {
        ApiClient.Response created = api.post(
                "/api/v1/objects/lead/records",
                ApiClient.map("name", name, "phone", phone, "channel", channel, "status", "new", "ownerId", owner));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.string("id");
    }

    private static void awaitBreached(ApiClient api, String lead) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(until)) {
            if (count(api.get("/api/v1/leads/" + lead + "/deadlines").text(), "\"status\":\"breached\"") == 2) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the deadlines of " + lead + " were not breached in time");
    }

    private static String row(String page, String key) {
        Matcher m = Pattern.compile("(?s)<tr data-key=\"" + Pattern.quote(key) + "\">(.*?)</tr>")
                .matcher(page);
        assertThat(m.find()).as("a row of " + key).isTrue();
        return m.group(1);
    }

    private static String only(String page) {
        Matcher m = Pattern.compile("(?s)<tr data-key=\"[^\"]*\">(.*?)</tr>").matcher(page);
        assertThat(m.find()).as("a row").isTrue();
        String row = m.group(1);
        assertThat(m.find()).as("only one row").isFalse();
        return row;
    }

    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        Matcher m = CELL.matcher(row);
        while (m.find()) {
            cells.add(m.group(1).replaceAll("<[^>]+>", "").strip());
        }
        return cells;
    }

    private static String link(String page, String prefix) {
        Matcher m = Pattern.compile("href=\"(" + Pattern.quote(prefix) + "[^\"]+)\"")
                .matcher(page);
        assertThat(m.find()).as("a link to " + prefix).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
