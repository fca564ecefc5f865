package com.weavecrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.notification.Notice;
import com.weavecrm.notification.NoticeKinds;
import com.weavecrm.notification.NoticeText;
import com.weavecrm.notification.Notifications;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.support.EventStream;
import com.weavecrm.support.IntegrationTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The bell, the inbox, the e-mail switch on the profile and the group-bot settings, over plain HTTP. */
class NotificationPagesIT extends IntegrationTest {

    private static final Pattern BADGE = Pattern.compile("data-unread-count[^>]*>([^<]*)<");

    @Autowired
    Notifications notifications;

    @Test
    void theBellCountsTheInboxOpensAndMarksReadAndTheStreamRunsOnTheSession() throws Exception {
        TestTenant tenant = newTenant();
        UUID adminId = UUID.fromString(tenant.admin().get("/api/v1/me").string("id"));
        TenantContext system = TenantContext.system(tenant.tenant(), "test");
        UUID leadId = UUID.randomUUID();
        UUID first = notifications
                .notify(
                        system,
                        Notice.of(adminId, NoticeKinds.LEAD_ASSIGNED, NoticeText.literal("新线索：李雷"))
                                .withBody(NoticeText.literal("来自抖音"))
                                .about("lead", leadId))
                .orElseThrow();
        notifications.notify(system, Notice.of(adminId, NoticeKinds.GENERAL, NoticeText.literal("第二条通知")));

        PageSession session = new PageSession(baseUrl(), "zh-CN");
        assertThat(session.signIn(tenant.slug(), "admin", PASSWORD).status()).isEqualTo(302);
        PageSession.Page home = session.get("/");
        assertThat(badge(home)).isEqualTo("2");
        assertThat(home.body()).contains("id=\"bell\"", "通知，2 条未读", "/js/notifications.js");

        PageSession.Page inbox = session.get("/notifications");
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.body())
                .contains("新线索：李雷", "来自抖音", "线索分配", "第二条通知", "全部标为已读")
                .doesNotContain("??");

        PageSession.Page opened =
                session.post("/notifications/" + first + "/open", Map.of("_csrf", PageSession.csrf(inbox)));
        assertThat(opened.status()).isEqualTo(302);
        assertThat(opened.location()).endsWith("/records/lead/" + leadId);
        PageSession.Page unread = session.get("/notifications?unread=true");
        assertThat(unread.body()).contains("第二条通知").doesNotContain("新线索：李雷");
        assertThat(badge(unread)).isEqualTo("1");

        assertThat(session.post("/notifications/read-all", Map.of()).status())
                .as("no CSRF token, no change")
                .isEqualTo(403);
        PageSession.Page all = session.post("/notifications/read-all", Map.of("_csrf", PageSession.csrf(unread)));
        assertThat(all.location()).contains("/notifications?toast=notifications_read");
        PageSession.Page after = session.get("/notifications?unread=true");
        assertThat(after.body()).contains("没有未读通知");
        assertThat(badge(after)).isEqualTo("0");

        try (EventStream stream =
                EventStream.open(baseUrl() + "/notifications/stream", Map.of("Cookie", session.cookieHeader()))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.next("unread", Duration.ofSeconds(10))).isNotNull();
            notifications.notify(system, Notice.of(adminId, NoticeKinds.GENERAL, NoticeText.literal("实时到达")));
            EventStream.Event live = stream.next("notification", Duration.ofSeconds(10));
            assertThat(live).isNotNull();
            assertThat(live.data()).contains("实时到达");
        }

        PageSession.Page english = new PageSession(baseUrl(), "en").get("/notifications/stream");
        assertThat(english.status()).as("signed out: to the login page").isEqualTo(302);
    }

    @Test
    void theProfileTurnsEmailOffAndOn() {
        TestTenant tenant = newTenant();
        PageSession session = new PageSession(baseUrl(), "zh-CN");
        session.signIn(tenant.slug(), "admin", PASSWORD);
        PageSession.Page me = session.get("/me");
        assertThat(me.body()).contains("通知同时发送到我的邮箱", "id=\"notify-email\"", "请先在基本资料里填写邮箱");
        PageSession.Page off = session.post("/me/notifications", Map.of("_csrf", PageSession.csrf(me)));
        assertThat(off.location()).endsWith("/me?toast=notifications_saved");
        assertThat(tenant.admin()
                        .get("/api/v1/notifications/preferences")
                        .json()
                        .path("email")
                        .asBoolean())
                .isFalse();
        PageSession.Page on =
                session.post("/me/notifications", Map.of("_csrf", PageSession.csrf(session.get("/me")), "email", "on"));
        assertThat(on.status()).isEqualTo(302);
        assertThat(tenant.admin()
                        .get("/api/v1/notifications/preferences")
                        .json()
                        .path("email")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void anAdministratorManagesGroupBotsAndTheReminderOffset() {
        TestTenant tenant = newTenant();
        PageSession session = new PageSession(baseUrl(), "zh-CN");
        session.signIn(tenant.slug(), "admin", PASSWORD);
        PageSession.Page list = session.get("/admin/webhooks");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("通知与机器人", "任务提醒", "还没有群机器人").doesNotContain("??");

        PageSession.Page form = session.get("/admin/webhooks/new");
        assertThat(form.status()).isEqualTo(200);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", PageSession.csrf(form));
        fields.put("name", "华东销售群");
        fields.put("platform", "dingtalk");
        fields.put("url", "https://example.com/robot/send?access_token=abc");
        fields.put("kinds", "lead_assigned");
        fields.put("enabled", "on");
        PageSession.Page refused = session.post("/admin/webhooks/new", fields);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("只能是该平台官方地址的 https 链接", "华东销售群");

        fields.put("_csrf", PageSession.csrf(refused));
        fields.put("url", "https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef");
        fields.put("secret", "SEC0123456789");
        PageSession.Page saved = session.post("/admin/webhooks/new", fields);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        PageSession.Page edit = session.get(saved.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.body())
                .contains("华东销售群", "access_token=****cdef", "已保存密钥", "还没有发送过")
                .doesNotContain("SEC0123456789")
                .doesNotContain("0123456789abcdef");
        assertThat(session.get("/admin/webhooks").body()).contains("华东销售群", "钉钉", "线索分配");

        PageSession.Page list2 = session.get("/admin/webhooks");
        Map<String, String> reminder = new LinkedHashMap<>();
        reminder.put("_csrf", PageSession.csrf(list2));
        reminder.put("taskReminderMinutes", "-5");
        assertThat(session.post("/admin/webhooks/reminders", reminder).status()).isEqualTo(400);
        reminder.put("taskReminderMinutes", "30");
        reminder.put("_csrf", PageSession.csrf(session.get("/admin/webhooks")));
        assertThat(session.post("/admin/webhooks/reminders", reminder).location())
                .endsWith("/admin/webhooks?toast=reminders_saved");
        assertThat(tenant.admin()
                        .get("/api/v1/admin/notification-settings")
                        .json()
                        .path("taskReminderMinutes")
                        .asInt())
                .isEqualTo(30);

        for (String path : List.of("/admin/webhooks", "/admin/webhooks/new", "/notifications", "/me")) {
            PageSession.Page page = new PageSession(baseUrl(), "en").get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
        }
    }

    private static String badge(PageSession.Page page) {
        Matcher m = BADGE.matcher(page.body());
        assertThat(m.find()).as("the bell's badge").isTrue();
        return m.group(1).strip();
    }
}
