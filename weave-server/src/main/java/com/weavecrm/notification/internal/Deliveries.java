package com.weavecrm.notification.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.weavecrm.platform.tenancy.TenantContext;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Plans the deliveries of a new notification in its transaction: a row per channel (e-mail, each
 * group-bot channel taking the kind) and a durable task for each, both committed with the
 * notification or not at all.
 */
@Component
public class Deliveries {

    private final DeliveryRepository deliveries;
    private final WebhookRepository webhooks;
    // the scheduler knows its tasks, whose runners reach back here: looked up when first needed
    private final ObjectProvider<SchedulerClient> scheduler;

    public Deliveries(
            DeliveryRepository deliveries, WebhookRepository webhooks, ObjectProvider<SchedulerClient> scheduler) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.scheduler = scheduler;
    }

    public void plan(DSLContext dsl, TenantContext ctx, UUID notificationId, String kind, boolean email) {
        if (email) {
            schedule(dsl, ctx, notificationId, DeliveryRepository.EMAIL, null);
        }
        for (WebhookRepository.Channel channel : webhooks.enabledFor(dsl, ctx.tenant(), kind)) {
            schedule(dsl, ctx, notificationId, DeliveryRepository.WEBHOOK, channel.id());
        }
    }

    private void schedule(DSLContext dsl, TenantContext ctx, UUID notificationId, String channel, UUID webhookId) {
        UUID id = UUID.randomUUID();
        deliveries.insert(dsl, ctx.tenant(), id, notificationId, channel, webhookId);
        // the scheduler's data source joins this transaction: the task exists exactly when it commits;
        // it runs on the scheduler's time (the system clock), the real world's time for sending
        scheduler
                .getObject()
                .schedule(DeliveryTasks.DELIVERY
                        .instance(ctx.tenant().id() + "/" + id)
                        .data(new DeliveryJob(ctx.tenant().id(), id))
                        .scheduledTo(Instant.now()));
    }
}
