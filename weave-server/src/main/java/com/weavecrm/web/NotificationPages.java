package com.weavecrm.web;

import com.weavecrm.notification.NotificationStream;
import com.weavecrm.notification.Notifications;
import com.weavecrm.platform.tenancy.TenantContext;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The caller's inbox: notifications newest first (all or unread), opening one marks it read and leads
 * to its record, "mark all read"; and the live stream the bell of every page listens to.
 */
@Controller
@RequestMapping("/notifications")
class NotificationPages {

    private static final int PAGE = 30;

    private final Notifications notifications;
    private final NotificationStream stream;

    NotificationPages(Notifications notifications, NotificationStream stream) {
        this.notifications = notifications;
        this.stream = stream;
    }

    @GetMapping
    ModelAndView inbox(
            TenantContext ctx,
            @RequestParam(required = false) String unread,
            @RequestParam(required = false) String cursor) {
        ModelAndView page = rows(ctx, unread, cursor);
        page.setViewName("notifications");
        page.addObject("section", "notifications");
        return page;
    }

    @GetMapping("/rows")
    ModelAndView rows(
            TenantContext ctx,
            @RequestParam(required = false) String unread,
            @RequestParam(required = false) String cursor) {
        boolean unreadOnly = "true".equals(unread);
        Notifications.Page page = notifications.list(ctx, unreadOnly, cursor, PAGE);
        ModelAndView rows = new ModelAndView("notifications :: rows");
        rows.addObject("notifications", page.data());
        rows.addObject("nextCursor", page.nextCursor());
        rows.addObject("unreadOnly", unreadOnly);
        rows.addObject("firstPage", cursor == null || cursor.isBlank());
        return rows;
    }

    /** Marks the notification read and opens what it is about (the inbox when it links nowhere). */
    @PostMapping("/{id}/open")
    String open(TenantContext ctx, @PathVariable java.util.UUID id) {
        String link = notifications.markRead(ctx, id).link();
        return "redirect:" + (link == null ? "/notifications" : ProfilePage.safeBack(link));
    }

    @PostMapping("/{id}/read")
    String read(TenantContext ctx, @PathVariable java.util.UUID id, @RequestParam(required = false) String unread) {
        notifications.markRead(ctx, id);
        return "redirect:/notifications" + ("true".equals(unread) ? "?unread=true" : "");
    }

    @PostMapping("/read-all")
    String readAll(TenantContext ctx) {
        notifications.markAllRead(ctx);
        return "redirect:/notifications?toast=notifications_read";
    }

    /** The bell's live stream (session cookie); the API has the same at /api/v1/notifications/stream. */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream(TenantContext ctx, @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return stream.open(ctx, lastEventId);
    }
}
