package com.weavecrm.notification.internal;

import com.weavecrm.notification.NotificationView;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Notifications as their reader sees them: title and body rendered in the reader's language. */
@Component
public class Views {

    private final NoticeTexts texts;

    public Views(NoticeTexts texts) {
        this.texts = texts;
    }

    public NotificationView of(StoredNotification n, Locale locale) {
        return new NotificationView(
                n.id(),
                n.kind(),
                texts.render(n.title(), locale),
                texts.render(n.body(), locale),
                n.link(),
                n.relatedObject(),
                n.relatedId(),
                n.createdAt(),
                n.readAt(),
                n.readAt() != null,
                n.emailStatus());
    }
}
