package com.weavecrm.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A group-bot channel as the API shows it: never its secret (only whether it has one), and its URL
 * with the key or access token masked.
 */
public record WebhookChannel(
        UUID id,
        String name,
        String platform,
        String url,
        boolean hasSecret,
        List<String> kinds,
        boolean enabled,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** A delivery to a channel: its outcome, and why the last attempt failed when it did. */
    public record Delivery(
            UUID id,
            UUID notificationId,
            String kind,
            String status,
            int attempts,
            String lastError,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}
}
