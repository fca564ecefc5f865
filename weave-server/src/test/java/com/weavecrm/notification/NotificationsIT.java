package com.weavecrm.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.support.ApiClient;
import com.weavecrm.support.EventStream;
import com.weavecrm.support.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The inbox over HTTP: only the recipient sees a notification; reads, counts, pages and the live stream. */
class NotificationsIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Notifications notifications;

    @Test
    void theRecipientListsCountsAndReadsTheirNotifications() {
        TestTenant tenant = newTenant();
        UUID aliceId = NotificationFixture.user(tenant.admin(), "alice", null, PASSWORD);
        NotificationFixture.user(tenant.admin(), "bob", null, PASSWORD);
        ApiClient alice = login(tenant.slug(), "alice", PASSWORD);
        ApiClient bob = login(tenant.slug(), "bob", PASSWORD);
        TenantContext system = TenantContext.system(tenant.tenant(), "test");

        UUID leadId = UUID.randomUUID();
        UUID first = notifications
                .notify(system, Notice.of(aliceId, NoticeKinds.GENERAL, NoticeText.literal("欢迎")))
                .orElseThrow();
        UUID second = notifications
                .notify(
                        system,
                        Notice.of(aliceId, NoticeKinds.LEAD_ASSIGNED, NoticeText.literal("新线索：王芳"))
                                .withBody(NoticeText.literal("来自官网表单"))
                                .about("lead", leadId))
                .orElseThrow();

        ApiClient.Response list = alice.get("/api/v1/notifications");
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        JsonNode data = list.json().path("data");
        assertThat(data.size()).isEqualTo(2);
        assertThat(data.get(0).path("id").asString()).isEqualTo(second.toString());
        assertThat(data.get(0).path("kind").asString()).isEqualTo("lead_assigned");
        assertThat(data.get(0).path("title").asString()).isEqualTo("新线索：王芳");
        assertThat(data.get(0).path("body").asString()).isEqualTo("来自官网表单");
        assertThat(data.get(0).path("link").asString()).isEqualTo("/records/lead/" + leadId);
        assertThat(data.get(0).path("relatedObject").asString()).isEqualTo("lead");
        assertThat(data.get(0).path("read").asBoolean()).isFalse();
        assertThat(data.get(0).path("emailStatus").isNull()).isTrue();
        assertThat(alice.get("/api/v1/notifications/unread-count")
                        .json()
                        .path("count")
                        .asInt())
                .isEqualTo(2);

        ApiClient.Response page = alice.get("/api/v1/notifications?limit=1");
        assertThat(page.json().path("data").size()).isEqualTo(1);
        String cursor = page.string("nextCursor");
        ApiClient.Response rest = alice.get("/api/v1/notifications?limit=1&cursor=" + cursor);
        assertThat(rest.json().path("data").get(0).path("id").asString()).isEqualTo(first.toString());
        assertThat(rest.json().path("nextCursor").isNull()).isTrue();

        ApiClient.Response read = alice.post("/api/v1/notifications/" + first + "/read", null);
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        assertThat(read.json().path("read").asBoolean()).isTrue();
        assertThat(read.json().path("readAt").isNull()).isFalse();
        assertThat(alice.get("/api/v1/notifications/unread-count")
                        .json()
                        .path("count")
                        .asInt())
                .isEqualTo(1);
        JsonNode unread = alice.get("/api/v1/notifications?unread=true").json().path("data");
        assertThat(unread.size()).isEqualTo(1);
        assertThat(unread.get(0).path("id").asString()).isEqualTo(second.toString());

        // nobody else sees it: another user, another tenant
        assertThat(bob.get("/api/v1/notifications/" + second).isProblem(404)).isTrue();
        assertThat(bob.post("/api/v1/notifications/" + second + "/read", null).isProblem(404))
                .isTrue();
        assertThat(bob.get("/api/v1/notifications").json().path("data").size()).isZero();
        assertThat(bob.post("/api/v1/notifications/read-all", null)
                        .json()
                        .path("updated")
                        .asInt())
                .isZero();
        assertThat(newTenant().admin().get("/api/v1/notifications/" + second).isProblem(404))
                .isTrue();
        assertThat(alice.get("/api/v1/notifications/" + second)
                        .json()
                        .path("read")
                        .asBoolean())
                .isFalse();

        ApiClient.Response all = alice.post("/api/v1/notifications/read-all", null);
        assertThat(all.json().path("updated").asInt()).isEqualTo(1);
        assertThat(alice.get("/api/v1/notifications/unread-count")
                        .json()
                        .path("count")
                        .asInt())
                .isZero();
        assertThat(alice.get("/api/v1/notifications?unread=true")
                        .json()
                        .path("data")
                        .size())
                .isZero();
    }

    @Test
    void badParametersAreRefused() {
        ApiClient admin = newTenant().admin();
        assertThat(admin.get("/api/v1/notifications?limit=0").fieldErrors()).containsExactly("limit:out_of_range");
        assertThat(admin.get("/api/v1/notifications?limit=x").isProblem(400)).isTrue();
        assertThat(admin.get("/api/v1/notifications?unread=maybe").fieldErrors())
                .containsExactly("unread:invalid_value");
        assertThat(admin.get("/api/v1/notifications?cursor=nonsense").fieldErrors())
                .containsExactly("cursor:invalid_cursor");
        assertThat(admin.get("/api/v1/notifications/" + UUID.randomUUID()).isProblem(404))
                .isTrue();
        assertThat(admin.patch("/api/v1/notifications/preferences", Map.of("email", "yes"))
                        .isProblem(400))
                .isTrue();
        assertThat(anonymous().get("/api/v1/notifications").isProblem(401)).isTrue();
        assertThat(anonymous().get("/api/v1/notifications/stream").status()).isEqualTo(401);
    }

    @Test
    void theApiIsDescribed() {
        JsonNode docs = anonymous().get("/v3/api-docs").json();
        for (String path : new String[] {
            "/api/v1/notifications",
            "/api/v1/notifications/{id}/read",
            "/api/v1/notifications/read-all",
            "/api/v1/notifications/unread-count",
            "/api/v1/notifications/stream",
            "/api/v1/notifications/preferences",
            "/api/v1/admin/webhooks",
            "/api/v1/admin/webhooks/{id}",
            "/api/v1/admin/webhooks/{id}/deliveries",
            "/api/v1/admin/notification-settings"
        }) {
            assertThat(docs.path("paths").has(path)).as(path).isTrue();
        }
        assertThat(docs.path("components").path("schemas").has("WebhookChannelInput"))
                .isTrue();
        assertThat(docs.path("paths")
                        .path("/api/v1/admin/webhooks")
                        .path("post")
                        .path("requestBody")
                        .toString())
                .contains("WebhookChannelInput");
    }

    @Test
    void keyedTextsAreShownInTheReadersLanguageAndOnceKeysGiveANoticeOnce() {
        TestTenant tenant = newTenant();
        UUID carolId = NotificationFixture.user(tenant.admin(), "carol", null, PASSWORD);
        ApiClient carol = login(tenant.slug(), "carol", PASSWORD);
        TenantContext system = TenantContext.system(tenant.tenant(), "test");
        Notice due = Notice.of(carolId, NoticeKinds.TASK_DUE, NoticeText.of("notification.task_due.title", "回访张伟"))
                .withBody(NoticeText.of("notification.task_due.body", "回访张伟", "2026-05-01 14:30"))
                .once("task_due:x");

        assertThat(notifications.notify(system, due)).isPresent();
        assertThat(notifications.notify(system, due)).isEmpty();
        assertThat(notifications.notify(system, Notice.of(UUID.randomUUID(), "general", NoticeText.literal("?"))))
                .isEmpty();

        JsonNode zh = carol.get("/api/v1/notifications").json().path("data");
        assertThat(zh.size()).isEqualTo(1);
        assertThat(zh.get(0).path("title").asString()).isEqualTo("任务即将到期：回访张伟");
        assertThat(zh.get(0).path("body").asString()).isEqualTo("任务“回访张伟”将于 2026-05-01 14:30 到期。");
        carol.patch("/api/v1/me", Map.of("locale", "en"));
        ApiClient english = login(tenant.slug(), "carol", PASSWORD);
        JsonNode en = english.get("/api/v1/notifications").json().path("data");
        assertThat(en.get(0).path("title").asString()).isEqualTo("Task due soon: 回访张伟");
    }

    @Test
    void theStreamPushesNotificationsCreatedAfterConnectingToTheRecipientOnly() throws Exception {
        TestTenant tenant = newTenant();
        UUID daveId = NotificationFixture.user(tenant.admin(), "dave", null, PASSWORD);
        UUID erinId = NotificationFixture.user(tenant.admin(), "erin", null, PASSWORD);
        ApiClient dave = login(tenant.slug(), "dave", PASSWORD);
        ApiClient erin = login(tenant.slug(), "erin", PASSWORD);
        TenantContext system = TenantContext.system(tenant.tenant(), "test");
        notifications.notify(system, Notice.of(daveId, "general", NoticeText.literal("之前的通知")));
        String stream = baseUrl() + "/api/v1/notifications/stream";

        try (EventStream daves = EventStream.open(stream, Map.of("Authorization", "Bearer " + dave.token()));
                EventStream erins = EventStream.open(stream, Map.of("Authorization", "Bearer " + erin.token()))) {
            assertThat(daves.status()).isEqualTo(200);
            assertThat(daves.contentType()).startsWith("text/event-stream");
            EventStream.Event hello = daves.next("unread", Duration.ofSeconds(10));
            assertThat(hello).isNotNull();
            assertThat(JSON.readTree(hello.data()).path("unreadCount").asInt()).isEqualTo(1);
            assertThat(erins.next("unread", Duration.ofSeconds(10))).isNotNull();

            UUID id = notifications
                    .notify(system, Notice.of(daveId, "general", NoticeText.literal("实时通知")))
                    .orElseThrow();
            EventStream.Event pushed = daves.next("notification", Duration.ofSeconds(10));
            assertThat(pushed).as("the notification arrives live").isNotNull();
            JsonNode payload = JSON.readTree(pushed.data());
            assertThat(payload.path("notification").path("id").asString()).isEqualTo(id.toString());
            assertThat(payload.path("notification").path("title").asString()).isEqualTo("实时通知");
            assertThat(payload.path("unreadCount").asInt()).isEqualTo(2);
            assertThat(pushed.id()).isNotBlank();

            dave.post("/api/v1/notifications/read-all", null);
            EventStream.Event read = daves.next("unread", Duration.ofSeconds(10));
            assertThat(read).isNotNull();
            assertThat(JSON.readTree(read.data()).path("unreadCount").asInt()).isZero();

            notifications.notify(system, Notice.of(erinId, "general", NoticeText.literal("给 Erin")));
            assertThat(erins.next("notification", Duration.ofSeconds(10))).isNotNull();
            assertThat(daves.next("notification", Duration.ofSeconds(2)))
                    .as("nobody else's notifications")
                    .isNull();

            // a reconnecting browser sends the last event id and gets what it missed
            String lastSeen = pushed.id();
            notifications.notify(system, Notice.of(daveId, "general", NoticeText.literal("错过的通知")));
            try (EventStream again = EventStream.open(
                    stream, Map.of("Authorization", "Bearer " + dave.token(), "Last-Event-ID", lastSeen))) {
                EventStream.Event missed = again.next("notification", Duration.ofSeconds(10));
                assertThat(missed).isNotNull();
                assertThat(JSON.readTree(missed.data())
                                .path("notification")
                                .path("title")
                                .asString())
                        .isEqualTo("错过的通知");
            }
        }
    }
}
