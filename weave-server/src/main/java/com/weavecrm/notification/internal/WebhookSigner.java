package com.weavecrm.notification.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The signatures of the platforms that sign their group-bot calls ("加签"), exactly as they document them. */
public final class WebhookSigner {

    private WebhookSigner() {}

    /**
     * DingTalk: {@code Base64(HmacSHA256(key = secret, message = timestamp + "\n" + secret))} with the
     * timestamp in milliseconds; sent URL-encoded as the {@code sign} query parameter next to {@code
     * timestamp}.
     */
    public static String dingTalk(long timestampMillis, String secret) {
        return hmac(secret, timestampMillis + "\n" + secret);
    }

    /**
     * Feishu / Lark: {@code Base64(HmacSHA256(key = timestamp + "\n" + secret, message = empty))} with
     * the timestamp in seconds; sent as the body's {@code sign} next to {@code timestamp}.
     */
    public static String feishu(long timestampSeconds, String secret) {
        return hmac(timestampSeconds + "\n" + secret, "");
    }

    private static String hmac(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
