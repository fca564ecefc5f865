package com.weavecrm.notification.internal;

import java.util.UUID;

/**
 * Payloads of the {@code weave_notifications} channel (PostgreSQL NOTIFY, sent at commit):
 * {@code n/<tenant>/<user>/<seq>} a new notification, {@code r/<tenant>/<user>} some were read.
 */
public final class Signals {

    private Signals() {}

    public static String created(UUID tenantId, UUID userId, long seq) {
        return "n/" + tenantId + "/" + userId + "/" + seq;
    }

    public static String read(UUID tenantId, UUID userId) {
        return "r/" + tenantId + "/" + userId;
    }
}
