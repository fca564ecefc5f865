package com.weavecrm.api;

import com.weavecrm.notification.NotificationStream;
import com.weavecrm.notification.NotificationView;
import com.weavecrm.notification.Notifications;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications")
class NotificationController {

    private final Notifications notifications;
    private final NotificationStream stream;

    NotificationController(Notifications notifications, NotificationStream stream) {
        this.notifications = notifications;
        this.stream = stream;
    }

    @GetMapping
    @Operation(summary = "The caller's notifications, newest first; unread=true for unread ones only")
    Notifications.Page list(
            TenantContext ctx,
            @RequestParam(required = false) String unread,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String limit) {
        return notifications.list(ctx, flag(unread), cursor, PageLimits.parse(limit));
    }

    @GetMapping("/unread-count")
    @Operation(summary = "How many notifications the caller has not read (counted up to 1,000)")
    Map<String, Integer> unreadCount(TenantContext ctx) {
        return Map.of("count", notifications.unreadCount(ctx));
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Server-Sent Events: 'unread' {unreadCount} at once and after reads, 'notification'"
                    + " {notification, unreadCount} for each new one (event id: send it back as Last-Event-ID),"
                    + " a comment every 25 s")
    SseEmitter stream(TenantContext ctx, @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return stream.open(ctx, lastEventId);
    }

    @GetMapping("/preferences")
    @Operation(summary = "The caller's choice of e-mail copies: {email, mailConfigured, address}")
    Notifications.Preferences preferences(TenantContext ctx) {
        return notifications.preferences(ctx);
    }

    @PatchMapping("/preferences")
    @Operation(summary = "Change the caller's choice of e-mail copies {email}")
    Notifications.Preferences updatePreferences(
            TenantContext ctx, @Body(ApiSchemas.NotificationPreferencesInput.class) @RequestBody JsonNode body) {
        return notifications.updatePreferences(ctx, body);
    }

    @PostMapping("/read-all")
    @Operation(summary = "Mark every notification of the caller read; {updated: how many}")
    Map<String, Integer> readAll(TenantContext ctx) {
        return Map.of("updated", notifications.markAllRead(ctx));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of the caller's notifications (anyone else's: 404)")
    NotificationView get(TenantContext ctx, @PathVariable UUID id) {
        return notifications.get(ctx, id);
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one of the caller's notifications read")
    NotificationView read(TenantContext ctx, @PathVariable UUID id) {
        return notifications.markRead(ctx, id);
    }

    private static boolean flag(String value) {
        if (value == null || value.isBlank() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ApiException.badRequest("unread", "invalid_value");
    }
}
