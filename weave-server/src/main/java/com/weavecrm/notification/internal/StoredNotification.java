package com.weavecrm.notification.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A notification row; title and body as stored ({@code {"key","args"}} or {@code {"text"}}). */
public record StoredNotification(
        UUID id,
        long seq,
        UUID recipientId,
        String kind,
        String title,
        String body,
        String link,
        String relatedObject,
        UUID relatedId,
        OffsetDateTime createdAt,
        OffsetDateTime readAt,
        String emailStatus) {}
