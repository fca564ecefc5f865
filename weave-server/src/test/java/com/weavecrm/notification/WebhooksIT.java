package com.weavecrm.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import com.weavecrm.support.TestPorts;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Group-bot channels: the URL allow-list, write-only secrets, and signed messages a local bot checks. */
class WebhooksIT extends IntegrationTest {

    private static final String WEBHOOKS = "/api/v1/admin/webhooks";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static LocalBot bot;

    @Autowired
    Notifications notifications;

    @BeforeAll
    static void startBot() {
        bot = new LocalBot();
    }

    @AfterAll
    static void stopBot() {
        bot.close();
    }

    @Test
    void onlyHttpsUrlsOnThePlatformsOwnHostsOrTheAllowedOriginAreAccepted() {
        ApiClient admin = newTenant().admin();
        int port = TestPorts.webhook();
        for (Object[] refused : new Object[][] {
            {"dingtalk", "http://oapi.dingtalk.com/robot/send?access_token=x"},
            {"dingtalk", "https://evil.example.com/robot/send?access_token=x"},
            {"dingtalk", "https://oapi.dingtalk.com.evil.example.com/robot/send"},
            {"dingtalk", "https://oapi.dingtalk.com:8443/robot/send"},
            {"dingtalk", "https://user:pw@oapi.dingtalk.com/robot/send"},
            {"wecom", "https://oapi.dingtalk.com/robot/send?access_token=x"},
            {"feishu", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x"},
            {"wecom", "http://127.0.0.1:" + (port == 65535 ? port - 1 : port + 1) + "/bot"},
            {"wecom", "https://127.0.0.1:" + port + "/bot"},
            {"wecom", "http://localhost:" + port + "/bot"},
            {"wecom", "http://169.254.169.254/latest/meta-data"},
            {"wecom", "file:///etc/passwd"},
            {"wecom", "not a url"}
        }) {
            ApiClient.Response response =
                    admin.post(WEBHOOKS, channel("bot", (String) refused[0], (String) refused[1]));
            assertThat(response.fieldErrors()).as(refused[1].toString()).containsExactly("url:url_not_allowed");
        }
        for (Object[] accepted : new Object[][] {
            {"wecom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"},
            {"feishu", "https://open.feishu.cn/open-apis/bot/v2/hook/2f1d5d2a-0000-4d1c-9f0e-1a2b3c4d5e6f"},
            {"feishu", "https://open.larksuite.com/open-apis/bot/v2/hook/2f1d5d2a"},
            {"dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef"},
            {"dingtalk", "http://127.0.0.1:" + port + "/gateway"}
        }) {
            ApiClient.Response response = admin.post(
                    WEBHOOKS, channel("bot " + accepted[1].hashCode(), (String) accepted[0], (String) accepted[1]));
            assertThat(response.status()).as(response.text()).isEqualTo(201);
        }
        assertThat(admin.get(WEBHOOKS).json().path("data").size()).isEqualTo(5);
    }

    @Test
    void badInputIsRefusedWithEveryFieldNamed() {
        TestTenant tenant = newTenant();
        ApiClient admin = tenant.admin();
        assertThat(admin.post(WEBHOOKS, Map.of()).fieldErrors())
                .containsExactlyInAnyOrder("name:required", "platform:required", "url:required", "kinds:required");
        Map<String, Object> body = channel("群", "slack", "https://hooks.slack.com/x");
        body.put("kinds", List.of("Lead Assigned"));
        body.put("colour", "red");
        assertThat(admin.post(WEBHOOKS, body).fieldErrors())
                .containsExactlyInAnyOrder("platform:invalid_value", "kinds:invalid_item", "colour:unknown_field");
        Map<String, Object> wecom = channel("企业微信群", "wecom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k");
        wecom.put("secret", "SEC123");
        assertThat(admin.post(WEBHOOKS, wecom).fieldErrors()).containsExactly("secret:not_supported");
        assertThat(admin.get(WEBHOOKS).json().path("data").size()).isZero();

        assertThat(admin.post(
                                WEBHOOKS,
                                channel("重名", "dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=a"))
                        .status())
                .isEqualTo(201);
        assertThat(admin.post(
                                WEBHOOKS,
                                channel("重名", "dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=b"))
                        .isProblem(409))
                .isTrue();

        NotificationFixture.user(admin, "clerk", null, PASSWORD);
        ApiClient clerk = login(tenant.slug(), "clerk", PASSWORD);
        assertThat(clerk.post(WEBHOOKS, channel("x", "dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=c"))
                        .isProblem(403))
                .isTrue();
        String id = admin.get(WEBHOOKS).json().path("data").get(0).path("id").asString();
        assertThat(newTenant().admin().get(WEBHOOKS + "/" + id).isProblem(404)).isTrue();
        assertThat(newTenant().admin().delete(WEBHOOKS + "/" + id).isProblem(404))
                .isTrue();
    }

    @Test
    void secretsAreWriteOnlyAndUrlsMasked() {
        ApiClient admin = newTenant().admin();
        Map<String, Object> body =
                channel("钉钉群", "dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef");
        body.put("secret", "SECd0e3a7c9f1b25e8a");
        ApiClient.Response created = admin.post(WEBHOOKS, body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.string("id");
        for (ApiClient.Response shown : List.of(created, admin.get(WEBHOOKS + "/" + id), admin.get(WEBHOOKS))) {
            assertThat(shown.text()).doesNotContain("SECd0e3a7c9f1b25e8a").doesNotContain("0123456789abcdef");
        }
        JsonNode channel = admin.get(WEBHOOKS + "/" + id).json();
        assertThat(channel.has("secret")).isFalse();
        assertThat(channel.path("hasSecret").asBoolean()).isTrue();
        assertThat(channel.path("url").asString())
                .isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=****cdef");

        ApiClient.Response renamed = admin.send(
                "PATCH", WEBHOOKS + "/" + id, Map.of("name", "钉钉销售群", "kinds", List.of("*")), Map.of("If-Match", "1"));
        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
        assertThat(renamed.json().path("hasSecret").asBoolean()).isTrue();
        assertThat(renamed.json().path("version").asLong()).isEqualTo(2);
        assertThat(admin.send("PATCH", WEBHOOKS + "/" + id, Map.of("enabled", false), Map.of("If-Match", "1"))
                        .isProblem(409))
                .isTrue();
        Map<String, Object> removeSecret = new LinkedHashMap<>();
        removeSecret.put("secret", null);
        assertThat(admin.patch(WEBHOOKS + "/" + id, removeSecret)
                        .json()
                        .path("hasSecret")
                        .asBoolean())
                .isFalse();
        assertThat(admin.patch(WEBHOOKS + "/" + id, Map.of("url", "https://example.com/x"))
                        .fieldErrors())
                .containsExactly("url:url_not_allowed");
        assertThat(admin.delete(WEBHOOKS + "/" + id).status()).isEqualTo(204);
        assertThat(admin.get(WEBHOOKS + "/" + id).isProblem(404)).isTrue();
    }

    @Test
    void dingTalkFeishuAndWeComBotsReceiveCorrectlySignedMessagesOfTheirKinds() throws Exception {
        TestTenant tenant = newTenant();
        ApiClient admin = tenant.admin();
        String run = "/bot/" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        Map<String, Object> ding = channel("钉钉", "dingtalk", bot.url(run + "/ding?access_token=tok123"));
        ding.put("secret", "SEC-ding-secret");
        ding.put("kinds", List.of("lead_assigned"));
        assertThat(admin.post(WEBHOOKS, ding).status()).isEqualTo(201);
        Map<String, Object> feishu = channel("飞书", "feishu", bot.url(run + "/feishu"));
        feishu.put("secret", "SEC-feishu-secret");
        feishu.put("kinds", List.of("*"));
        assertThat(admin.post(WEBHOOKS, feishu).status()).isEqualTo(201);
        Map<String, Object> wecom = channel("企微", "wecom", bot.url(run + "/wecom?key=k1"));
        wecom.put("kinds", List.of("lead_assigned"));
        assertThat(admin.post(WEBHOOKS, wecom).status()).isEqualTo(201);
        Map<String, Object> off = channel("停用", "wecom", bot.url(run + "/off"));
        off.put("enabled", false);
        assertThat(admin.post(WEBHOOKS, off).status()).isEqualTo(201);

        UUID userId = NotificationFixture.user(admin, "gina", null, PASSWORD);
        TenantContext system = TenantContext.system(tenant.tenant(), "test");
        notifications.notify(
                system,
                Notice.of(userId, NoticeKinds.LEAD_ASSIGNED, NoticeText.literal("新线索分配给 gina"))
                        .withBody(NoticeText.literal("来源：官网表单")));

        LocalBot.Call dingCall = bot.next(run + "/ding", Duration.ofSeconds(20));
        assertThat(dingCall).as("DingTalk got the message").isNotNull();
        Map<String, String> query = query(dingCall.query());
        assertThat(query.get("access_token")).isEqualTo("tok123");
        long timestamp = Long.parseLong(query.get("timestamp"));
        assertThat(query.get("sign")).isEqualTo(base64Hmac("SEC-ding-secret", timestamp + "\n" + "SEC-ding-secret"));
        JsonNode dingBody = JSON.readTree(dingCall.body());
        assertThat(dingBody.path("msgtype").asString()).isEqualTo("markdown");
        assertThat(dingBody.path("markdown").path("title").asString()).isEqualTo("新线索分配给 gina");
        assertThat(dingBody.path("markdown").path("text").asString()).contains("新线索分配给 gina", "来源：官网表单");

        LocalBot.Call feishuCall = bot.next(run + "/feishu", Duration.ofSeconds(20));
        assertThat(feishuCall).as("Feishu got the message").isNotNull();
        JsonNode feishuBody = JSON.readTree(feishuCall.body());
        String seconds = feishuBody.path("timestamp").asString();
        assertThat(feishuBody.path("sign").asString()).isEqualTo(base64Hmac(seconds + "\n" + "SEC-feishu-secret", ""));
        assertThat(feishuBody.path("msg_type").asString()).isEqualTo("text");
        assertThat(feishuBody.path("content").path("text").asString()).contains("新线索分配给 gina", "来源：官网表单");

        LocalBot.Call wecomCall = bot.next(run + "/wecom", Duration.ofSeconds(20));
        assertThat(wecomCall).as("WeCom got the message").isNotNull();
        assertThat(wecomCall.query()).isEqualTo("key=k1");
        JsonNode wecomBody = JSON.readTree(wecomCall.body());
        assertThat(wecomBody.path("msgtype").asString()).isEqualTo("markdown");
        assertThat(wecomBody.path("markdown").path("content").asString()).contains("新线索分配给 gina");

        // a kind only the "*" channel takes; the disabled channel never gets anything
        notifications.notify(system, Notice.of(userId, NoticeKinds.TASK_DUE, NoticeText.literal("任务到期")));
        LocalBot.Call second = bot.next(run, Duration.ofSeconds(20));
        assertThat(second).isNotNull();
        assertThat(second.path()).isEqualTo(run + "/feishu");
        assertThat(JSON.readTree(second.body()).path("content").path("text").asString())
                .isEqualTo("任务到期");
        assertThat(bot.next(run, Duration.ofSeconds(3))).isNull();

        String dingId = admin.get(WEBHOOKS).json().path("data").values().stream()
                .filter(c -> c.path("name").asString().equals("钉钉"))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
        JsonNode deliveries =
                admin.get(WEBHOOKS + "/" + dingId + "/deliveries").json().path("data");
        assertThat(deliveries.size()).isEqualTo(1);
        assertThat(deliveries.get(0).path("status").asString()).isEqualTo("sent");
        assertThat(deliveries.get(0).path("kind").asString()).isEqualTo("lead_assigned");
    }

    @Test
    void failedDeliveriesAreRecordedAndVisibleAndTheInboxKeepsTheNotification() throws Exception {
        TestTenant tenant = newTenant();
        ApiClient admin = tenant.admin();
        String run = "/bot/" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        Map<String, String> ids = new LinkedHashMap<>();
        for (String path : List.of("fail", "moved", "refused")) {
            ApiClient.Response created = admin.post(WEBHOOKS, channel(path, "dingtalk", bot.url(run + "/" + path)));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            ids.put(path, created.string("id"));
        }
        UUID userId = NotificationFixture.user(admin, "hank", null, PASSWORD);
        ApiClient hank = login(tenant.slug(), "hank", PASSWORD);
        notifications.notify(
                TenantContext.system(tenant.tenant(), "test"),
                Notice.of(userId, NoticeKinds.SLA_BREACH, NoticeText.literal("超时未跟进")));

        Map<String, String> expected = Map.of("fail", "HTTP 500", "moved", "HTTP 302", "refused", "errcode 310000");
        for (Map.Entry<String, String> channel : ids.entrySet()) {
            JsonNode delivery = awaitAttempt(admin, channel.getValue());
            assertThat(delivery.path("status").asString()).as(channel.getKey()).isEqualTo("pending");
            assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
            assertThat(delivery.path("lastError").asString()).contains(expected.get(channel.getKey()));
        }
        JsonNode inbox = hank.get("/api/v1/notifications").json().path("data");
        assertThat(inbox.size()).isEqualTo(1);
        assertThat(inbox.get(0).path("title").asString()).isEqualTo("超时未跟进");
    }

    private static JsonNode awaitAttempt(ApiClient admin, String channelId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonNode data =
                    admin.get(WEBHOOKS + "/" + channelId + "/deliveries").json().path("data");
            if (data.size() == 1 && data.get(0).path("attempts").asInt() > 0) {
                return data.get(0);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no attempt recorded for channel " + channelId + ": " + data);
            }
            Thread.sleep(250);
        }
    }

    private static Map<String, Object> channel(String name, String platform, String url) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("platform", platform);
        body.put("url", url);
        body.put("kinds", List.of("*"));
        return body;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String base64Hmac(String key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
