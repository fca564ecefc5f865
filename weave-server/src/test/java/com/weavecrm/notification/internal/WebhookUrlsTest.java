package com.weavecrm.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookUrlsTest {

    private final WebhookUrls urls =
            new WebhookUrls(new WebhookProperties(List.of("http://10.0.0.5:8080", "bots.example.cn"), Duration.ZERO));

    @Test
    void officialHostsOverHttpsAndTheConfiguredOriginsOnly() {
        assertThat(urls.allowed("dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=a"))
                .isPresent();
        assertThat(urls.allowed("dingtalk", "https://OAPI.DINGTALK.COM:443/robot/send"))
                .isPresent();
        assertThat(urls.allowed("feishu", "https://open.larksuite.com/open-apis/bot/v2/hook/x"))
                .isPresent();
        assertThat(urls.allowed("wecom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"))
                .isPresent();
        assertThat(urls.allowed("wecom", "http://10.0.0.5:8080/hook")).isPresent();
        assertThat(urls.allowed("feishu", "https://bots.example.cn/hook")).isPresent();

        assertThat(urls.allowed("wecom", "http://10.0.0.5:8081/hook")).isEmpty();
        assertThat(urls.allowed("wecom", "https://10.0.0.5:8080/hook")).isEmpty();
        assertThat(urls.allowed("feishu", "http://bots.example.cn/hook")).isEmpty();
        assertThat(urls.allowed("dingtalk", "https://oapi.dingtalk.com@evil.example.com/"))
                .isEmpty();
        assertThat(urls.allowed("dingtalk", "https://oapi.dingtalk.com/#x")).isEmpty();
        assertThat(urls.allowed("slack", "https://oapi.dingtalk.com/")).isEmpty();
        assertThat(urls.allowed("dingtalk", null)).isEmpty();
    }

    @Test
    void urlsAreShownWithTheirKeysMasked() {
        assertThat(WebhookUrls.masked("https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef&x=1"))
                .isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=****cdef&x=****");
        assertThat(WebhookUrls.masked("https://open.feishu.cn/open-apis/bot/v2/hook/abc"))
                .isEqualTo("https://open.feishu.cn/open-apis/bot/v2/hook/abc");
    }

    @Test
    void signaturesAreThoseThePlatformsDocument() {
        assertThat(WebhookSigner.dingTalk(1_700_000_000_000L, "SEC"))
                .isEqualTo(base64Hmac("SEC", "1700000000000\nSEC"));
        assertThat(WebhookSigner.feishu(1_700_000_000L, "SEC")).isEqualTo(base64Hmac("1700000000\nSEC", ""));
    }

    private static String base64Hmac(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
