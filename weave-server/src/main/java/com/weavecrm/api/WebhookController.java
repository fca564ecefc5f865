package com.weavecrm.api;

import com.weavecrm.notification.ReminderSettings;
import com.weavecrm.notification.WebhookChannel;
import com.weavecrm.notification.WebhookChannels;
import com.weavecrm.platform.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Notifications")
class WebhookController {

    private final WebhookChannels channels;
    private final ReminderSettings reminders;

    WebhookController(WebhookChannels channels, ReminderSettings reminders) {
        this.channels = channels;
        this.reminders = reminders;
    }

    @GetMapping("/webhooks")
    @Operation(summary = "Group-bot channels (WeCom, Feishu, DingTalk); URLs masked, secrets never shown")
    Map<String, List<WebhookChannel>> list(TenantContext ctx) {
        return Map.of("data", channels.list(ctx));
    }

    @PostMapping("/webhooks")
    @Operation(summary = "Add a group-bot channel {name, platform, url, secret, kinds, enabled}")
    ResponseEntity<WebhookChannel> create(
            TenantContext ctx, @Body(ApiSchemas.WebhookChannelInput.class) @RequestBody JsonNode body) {
        WebhookChannel channel = channels.create(ctx, body);
        return ResponseEntity.created(URI.create("/api/v1/admin/webhooks/" + channel.id()))
                .body(channel);
    }

    @GetMapping("/webhooks/{id}")
    WebhookChannel get(TenantContext ctx, @PathVariable UUID id) {
        return channels.get(ctx, id);
    }

    @PatchMapping("/webhooks/{id}")
    @Operation(summary = "Change a channel; a secret given replaces the old one, null removes it")
    WebhookChannel update(
            TenantContext ctx,
            @PathVariable UUID id,
            @Body(ApiSchemas.WebhookChannelInput.class) @RequestBody JsonNode body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return channels.update(ctx, id, body, ifMatch);
    }

    @DeleteMapping("/webhooks/{id}")
    ResponseEntity<Void> delete(TenantContext ctx, @PathVariable UUID id) {
        channels.delete(ctx, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/webhooks/{id}/deliveries")
    @Operation(summary = "The channel's newest deliveries: status pending, sent or failed, attempts, last error")
    Map<String, List<WebhookChannel.Delivery>> deliveries(
            TenantContext ctx, @PathVariable UUID id, @RequestParam(required = false) String limit) {
        return Map.of("data", channels.deliveries(ctx, id, PageLimits.parse(limit)));
    }

    @GetMapping("/notification-settings")
    @Operation(summary = "The tenant's notification settings: taskReminderMinutes (default 15)")
    ReminderSettings.Settings settings(TenantContext ctx) {
        return reminders.get(ctx);
    }

    @PatchMapping("/notification-settings")
    @Operation(summary = "Change taskReminderMinutes (0 to 10080)")
    ReminderSettings.Settings updateSettings(
            TenantContext ctx,
            @Body(ApiSchemas.NotificationSettingsInput.class) @RequestBody JsonNode body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return reminders.update(ctx, body, ifMatch);
    }
}
