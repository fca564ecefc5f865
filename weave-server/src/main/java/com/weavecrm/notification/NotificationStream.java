package com.weavecrm.notification;

import com.weavecrm.notification.internal.StreamHub;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The signed-in user's notifications, live: a Server-Sent-Events stream of {@code unread} and {@code
 * notification} events (see {@link StreamHub}) for the API (bearer token) and the pages (session).
 */
@Service
public class NotificationStream {

    private final StreamHub hub;

    public NotificationStream(StreamHub hub) {
        this.hub = hub;
    }

    /** Opens the caller's stream; {@code lastEventId} (the header a reconnecting browser sends) catches up. */
    public SseEmitter open(TenantContext ctx, String lastEventId) {
        if (ctx.userId() == null) {
            throw ApiException.notFound();
        }
        return hub.subscribe(ctx, parse(lastEventId));
    }

    private static Long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            long seq = Long.parseLong(lastEventId.strip());
            return seq >= 0 ? seq : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
