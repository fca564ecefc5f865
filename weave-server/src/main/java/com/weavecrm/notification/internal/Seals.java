package com.weavecrm.notification.internal;

import java.util.UUID;

/** What a channel's sealed URL and secret are bound to: the tenant, the channel and the part. */
public final class Seals {

    private Seals() {}

    public static String url(UUID tenantId, UUID channelId) {
        return "webhook/" + tenantId + "/" + channelId + "/url";
    }

    public static String secret(UUID tenantId, UUID channelId) {
        return "webhook/" + tenantId + "/" + channelId + "/secret";
    }
}
