package com.weavecrm.notification;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A notification as its recipient sees it, title and body in the reader's language.
 *
 * @param emailStatus the e-mail copy: {@code pending}, {@code sent}, {@code failed}, or null when none
 *     was sent (no SMTP, no address, or the user wants none)
 */
public record NotificationView(
        UUID id,
        String kind,
        String title,
        String body,
        String link,
        String relatedObject,
        UUID relatedId,
        OffsetDateTime createdAt,
        OffsetDateTime readAt,
        boolean read,
        String emailStatus) {}
