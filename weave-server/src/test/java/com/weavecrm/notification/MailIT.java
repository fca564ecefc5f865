package com.weavecrm.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import com.weavecrm.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** E-mail copies through the configured SMTP server (a local GreenMail), by each user's choice. */
class MailIT extends IntegrationTest {

    @Autowired
    Notifications notifications;

    @Test
    void aUserWithAnAddressGetsTheNotificationByMailUnlessTheyTurnedItOff() throws Exception {
        TestTenant tenant = newTenant();
        String ivyMail = "ivy-" + tenant.slug() + "@example.com";
        String jackMail = "jack-" + tenant.slug() + "@example.com";
        UUID ivy = NotificationFixture.user(tenant.admin(), "ivy", ivyMail, PASSWORD);
        UUID jack = NotificationFixture.user(tenant.admin(), "jack", jackMail, PASSWORD);
        UUID kim = NotificationFixture.user(tenant.admin(), "kim", null, PASSWORD);
        ApiClient ivyClient = login(tenant.slug(), "ivy", PASSWORD);
        ApiClient jackClient = login(tenant.slug(), "jack", PASSWORD);
        ApiClient kimClient = login(tenant.slug(), "kim", PASSWORD);

        JsonNode preferences =
                ivyClient.get("/api/v1/notifications/preferences").json();
        assertThat(preferences.path("email").asBoolean()).isTrue();
        assertThat(preferences.path("mailConfigured").asBoolean()).isTrue();
        assertThat(preferences.path("address").asString()).isEqualTo(ivyMail);
        ApiClient.Response off = jackClient.patch("/api/v1/notifications/preferences", Map.of("email", false));
        assertThat(off.status()).as(off.text()).isEqualTo(200);
        assertThat(off.json().path("email").asBoolean()).isFalse();

        TenantContext system = TenantContext.system(tenant.tenant(), "test");
        UUID taskId = UUID.randomUUID();
        for (UUID user : List.of(ivy, jack, kim)) {
            notifications.notify(
                    system,
                    Notice.of(user, NoticeKinds.TASK_DUE, NoticeText.of("notification.task_due.title", "回访王芳"))
                            .withBody(NoticeText.of("notification.task_due.body", "回访王芳", "2026-05-01 14:30"))
                            .about("task", taskId));
        }

        List<MimeMessage> toIvy = TestSmtp.messagesTo(ivyMail, Duration.ofSeconds(20));
        assertThat(toIvy).hasSize(1);
        MimeMessage mail = toIvy.get(0);
        assertThat(mail.getSubject()).isEqualTo("任务即将到期：回访王芳");
        assertThat(mail.getContent().toString()).contains("任务“回访王芳”将于 2026-05-01 14:30 到期。");
        assertThat(awaitEmailStatus(ivyClient)).isEqualTo("sent");

        assertThat(TestSmtp.messagesTo(jackMail, Duration.ofSeconds(2))).isEmpty();
        JsonNode jacks = jackClient.get("/api/v1/notifications").json().path("data");
        assertThat(jacks.size()).isEqualTo(1);
        assertThat(jacks.get(0).path("emailStatus").isNull()).isTrue();
        assertThat(kimClient
                        .get("/api/v1/notifications")
                        .json()
                        .path("data")
                        .get(0)
                        .path("emailStatus")
                        .isNull())
                .isTrue();
        assertThat(kimClient
                        .get("/api/v1/notifications/preferences")
                        .json()
                        .path("address")
                        .isNull())
                .isTrue();
    }

    @Test
    void theMailIsInTheRecipientsLanguage() throws Exception {
        TestTenant tenant = newTenant();
        String address = "lee-" + tenant.slug() + "@example.com";
        UUID lee = NotificationFixture.user(tenant.admin(), "lee", address, PASSWORD);
        login(tenant.slug(), "lee", PASSWORD).patch("/api/v1/me", Map.of("locale", "en"));
        notifications.notify(
                TenantContext.system(tenant.tenant(), "test"),
                Notice.of(lee, NoticeKinds.TASK_DUE, NoticeText.of("notification.task_due.title", "Call back")));
        List<MimeMessage> mails = TestSmtp.messagesTo(address, Duration.ofSeconds(20));
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("Task due soon: Call back");
    }

    private static String awaitEmailStatus(ApiClient client) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String status;
        do {
            status = client.get("/api/v1/notifications")
                    .json()
                    .path("data")
                    .get(0)
                    .path("emailStatus")
                    .asString();
            if ("sent".equals(status)) {
                return status;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return status;
    }
}
