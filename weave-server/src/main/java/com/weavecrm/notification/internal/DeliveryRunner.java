package com.weavecrm.notification.internal;

import com.weavecrm.platform.organisation.SettingsService;
import com.weavecrm.platform.organisation.UserAccount;
import com.weavecrm.platform.organisation.UserDirectory;
import com.weavecrm.platform.security.SecretBox;
import com.weavecrm.platform.tenancy.Tenant;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantRegistry;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.RequestLocales;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs one delivery: reads what to send in a short transaction, sends it outside any transaction (a
 * slow bot holds no connection), and records the outcome. A failed attempt is recorded with its
 * reason and tried again later — after 30 s, 2 min, 10 min and 30 min — and after {@link
 * #MAX_ATTEMPTS} the delivery is marked failed for good. The in-app notification is never touched.
 */
@Component
class DeliveryRunner {

    static final int MAX_ATTEMPTS = 5;
    private static final List<Duration> BACKOFF =
            List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30));
    private static final Logger log = LoggerFactory.getLogger(DeliveryRunner.class);

    private final TenantRegistry tenants;
    private final TenantTx tx;
    private final DeliveryRepository deliveries;
    private final NotificationRepository notifications;
    private final WebhookRepository webhooks;
    private final UserDirectory users;
    private final SettingsService settings;
    private final SecretBox secrets;
    private final NoticeTexts texts;
    private final MailDelivery mail;
    private final WebhookSender sender;
    private final WebhookUrls urls;
    private final String publicUrl;

    DeliveryRunner(
            TenantRegistry tenants,
            TenantTx tx,
            DeliveryRepository deliveries,
            NotificationRepository notifications,
            WebhookRepository webhooks,
            UserDirectory users,
            SettingsService settings,
            SecretBox secrets,
            NoticeTexts texts,
            MailDelivery mail,
            WebhookSender sender,
            WebhookUrls urls,
            @Value("${weave.public-url:}") String publicUrl) {
        this.tenants = tenants;
        this.tx = tx;
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.users = users;
        this.settings = settings;
        this.secrets = secrets;
        this.texts = texts;
        this.mail = mail;
        this.sender = sender;
        this.urls = urls;
        this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
    }

    /** A prepared send, or the reason it cannot be made. */
    private record Work(int attempts, Runnable send, String impossible) {}

    /** When to try a delivery again after {@code attempts} failed attempts. */
    static Duration retryAfter(int attempts) {
        return BACKOFF.get(Math.min(attempts, BACKOFF.size()) - 1);
    }

    /** Runs the delivery; when it should be tried again, after how long. */
    Optional<Duration> run(DeliveryJob job) {
        Optional<Tenant> tenant = tenants.findById(job.tenantId()).filter(Tenant::isActive);
        if (tenant.isEmpty()) {
            log.info("Delivery {} dropped: tenant {} is not active", job.deliveryId(), job.tenantId());
            return Optional.empty();
        }
        TenantContext ctx = TenantContext.system(tenant.get(), "notification-delivery");
        Work work = tx.call(ctx, dsl -> prepare(dsl, ctx, job));
        if (work == null) {
            return Optional.empty();
        }
        int attempt = work.attempts() + 1;
        try {
            if (work.impossible() != null) {
                throw new DeliveryException(work.impossible());
            }
            work.send().run();
        } catch (RuntimeException e) {
            String reason = e instanceof DeliveryException ? e.getMessage() : e.toString();
            boolean last = attempt >= MAX_ATTEMPTS || work.impossible() != null;
            tx.run(
                    ctx,
                    dsl -> deliveries.markAttemptFailed(dsl, ctx.tenant(), job.deliveryId(), attempt, reason, last));
            log.warn(
                    "Delivery {} of tenant {} failed (attempt {}{}): {}",
                    job.deliveryId(),
                    ctx.tenant().slug(),
                    attempt,
                    last ? ", giving up" : "",
                    reason);
            return last ? Optional.empty() : Optional.of(retryAfter(attempt));
        }
        tx.run(ctx, dsl -> deliveries.markSent(dsl, ctx.tenant(), job.deliveryId(), attempt));
        return Optional.empty();
    }

    private Work prepare(DSLContext dsl, TenantContext ctx, DeliveryJob job) {
        DeliveryRepository.Delivery delivery =
                deliveries.find(dsl, ctx.tenant(), job.deliveryId()).orElse(null);
        if (delivery == null || !DeliveryRepository.PENDING.equals(delivery.status())) {
            return null;
        }
        StoredNotification notification =
                notifications.byId(dsl, ctx.tenant(), delivery.notificationId()).orElse(null);
        if (notification == null) {
            return null;
        }
        return DeliveryRepository.EMAIL.equals(delivery.channel())
                ? email(dsl, ctx, delivery, notification)
                : webhook(dsl, ctx, delivery, notification);
    }

    private Work email(DSLContext dsl, TenantContext ctx, DeliveryRepository.Delivery delivery, StoredNotification n) {
        UserAccount user = users.account(dsl, ctx, n.recipientId()).orElse(null);
        if (user == null || user.email() == null || UserAccount.LEFT.equals(user.status())) {
            return new Work(delivery.attempts(), null, "the user has no e-mail address");
        }
        Locale locale = RequestLocales.fromTag(user.locale());
        String subject = texts.render(n.title(), locale);
        StringBuilder text = new StringBuilder();
        String body = texts.render(n.body(), locale);
        if (body != null) {
            text.append(body).append("\n\n");
        }
        String link = absolute(n.link());
        if (link != null) {
            text.append(link).append("\n\n");
        }
        text.append("— Weave CRM");
        String to = user.email();
        return new Work(delivery.attempts(), () -> mail.send(to, subject, text.toString()), null);
    }

    private Work webhook(
            DSLContext dsl, TenantContext ctx, DeliveryRepository.Delivery delivery, StoredNotification n) {
        WebhookRepository.Channel channel = delivery.webhookId() == null
                ? null
                : webhooks.find(dsl, ctx.tenant(), delivery.webhookId()).orElse(null);
        if (channel == null) {
            return new Work(delivery.attempts(), null, "the channel was deleted");
        }
        if (!channel.enabled()) {
            return new Work(delivery.attempts(), null, "the channel is disabled");
        }
        String url = secrets.open(channel.urlSealed(), Seals.url(ctx.tenant().id(), channel.id()));
        Optional<URI> allowed = urls.allowed(channel.platform(), url);
        if (allowed.isEmpty()) {
            return new Work(delivery.attempts(), null, "the URL is no longer allowed");
        }
        String secret = channel.secretSealed() == null
                ? null
                : secrets.open(channel.secretSealed(), Seals.secret(ctx.tenant().id(), channel.id()));
        Locale locale = RequestLocales.fromTag(settings.get(ctx).defaultLocale());
        BotMessage message =
                new BotMessage(texts.render(n.title(), locale), texts.render(n.body(), locale), absolute(n.link()));
        String platform = channel.platform();
        return new Work(delivery.attempts(), () -> sender.send(platform, allowed.get(), secret, message), null);
    }

    private String absolute(String link) {
        return link == null || publicUrl.isEmpty() ? null : publicUrl + link;
    }
}
