package com.weavecrm.notification;

import com.weavecrm.notification.internal.Deliveries;
import com.weavecrm.notification.internal.MailDelivery;
import com.weavecrm.notification.internal.NoticeTexts;
import com.weavecrm.notification.internal.NotificationRepository;
import com.weavecrm.notification.internal.PreferenceRepository;
import com.weavecrm.notification.internal.Signals;
import com.weavecrm.notification.internal.StoredNotification;
import com.weavecrm.notification.internal.Views;
import com.weavecrm.platform.organisation.UserAccount;
import com.weavecrm.platform.organisation.UserDirectory;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.Cursors;
import com.weavecrm.platform.web.JsonInput;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Gives users notices and serves their inbox. A notice is stored in the caller's transaction (with
 * the signal that pushes it to the recipient's open pages and the durable tasks that deliver it by
 * e-mail and to group bots, all after commit). Only the recipient ever sees a notification: to anyone
 * else it does not exist (404).
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final Set<String> PREFERENCE_FIELDS = Set.of("email");

    /** A page of the inbox, newest first. */
    public record Page(List<NotificationView> data, String nextCursor) {}

    /**
     * A user's choice of e-mail copies.
     *
     * @param email whether notifications also go by e-mail
     * @param mailConfigured whether this server has an SMTP server to send with
     * @param address where e-mail goes (the user's e-mail), or null when they have none
     */
    public record Preferences(boolean email, boolean mailConfigured, String address) {}

    private final TenantTx tx;
    private final NotificationRepository repository;
    private final PreferenceRepository preferences;
    private final Deliveries deliveries;
    private final MailDelivery mail;
    private final UserDirectory users;
    private final NoticeTexts texts;
    private final Views views;

    public Notifications(
            TenantTx tx,
            NotificationRepository repository,
            PreferenceRepository preferences,
            Deliveries deliveries,
            MailDelivery mail,
            UserDirectory users,
            NoticeTexts texts,
            Views views) {
        this.tx = tx;
        this.repository = repository;
        this.preferences = preferences;
        this.deliveries = deliveries;
        this.mail = mail;
        this.users = users;
        this.texts = texts;
        this.views = views;
    }

    /**
     * Gives the notice, in the caller's transaction: the notification's id, or empty when the
     * recipient is unknown or has left, or when a notice with the same once-key was given already.
     */
    public Optional<UUID> notify(DSLContext dsl, TenantContext ctx, Notice notice) {
        Optional<UserAccount> recipient =
                users.account(dsl, ctx, notice.recipientId()).filter(u -> !UserAccount.LEFT.equals(u.status()));
        if (recipient.isEmpty()) {
            log.debug("No {} notice for user {}: unknown or left", notice.kind(), notice.recipientId());
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        Optional<Long> seq = repository.insert(
                dsl,
                ctx.tenant(),
                id,
                notice.recipientId(),
                notice.kind(),
                texts.store(notice.title()),
                texts.store(notice.body()),
                notice.link(),
                notice.relatedObject(),
                notice.relatedId(),
                notice.onceKey());
        if (seq.isEmpty()) {
            return Optional.empty();
        }
        repository.signal(dsl, Signals.created(ctx.tenant().id(), notice.recipientId(), seq.get()));
        boolean email = mail.available()
                && recipient.get().email() != null
                && preferences.email(dsl, ctx.tenant(), notice.recipientId());
        deliveries.plan(dsl, ctx, id, notice.kind(), email);
        return Optional.of(id);
    }

    /** Gives the notice in a transaction of its own. */
    public Optional<UUID> notify(TenantContext ctx, Notice notice) {
        return tx.call(ctx, dsl -> notify(dsl, ctx, notice));
    }

    public Page list(TenantContext ctx, boolean unreadOnly, String cursor, int limit) {
        Long before = Cursors.decodeLong(cursor);
        List<StoredNotification> rows =
                tx.call(ctx, dsl -> repository.page(dsl, ctx.tenant(), me(ctx), unreadOnly, before, limit + 1));
        List<NotificationView> data =
                rows.stream().limit(limit).map(n -> views.of(n, ctx.locale())).toList();
        String next = rows.size() > limit
                ? Cursors.encode(Long.toString(rows.get(limit - 1).seq()))
                : null;
        return new Page(data, next);
    }

    public NotificationView get(TenantContext ctx, UUID id) {
        return tx.call(ctx, dsl -> repository.find(dsl, ctx.tenant(), me(ctx), id))
                .map(n -> views.of(n, ctx.locale()))
                .orElseThrow(ApiException::notFound);
    }

    public NotificationView markRead(TenantContext ctx, UUID id) {
        return tx.call(ctx, dsl -> {
            StoredNotification n =
                    repository.find(dsl, ctx.tenant(), me(ctx), id).orElseThrow(ApiException::notFound);
            if (n.readAt() == null) {
                repository.markRead(dsl, ctx.tenant(), me(ctx), id);
                repository.signal(dsl, Signals.read(ctx.tenant().id(), me(ctx)));
            }
            return views.of(repository.find(dsl, ctx.tenant(), me(ctx), id).orElseThrow(), ctx.locale());
        });
    }

    /** Marks every unread notification of the caller read; how many there were. */
    public int markAllRead(TenantContext ctx) {
        return tx.call(ctx, dsl -> {
            int changed = repository.markAllRead(dsl, ctx.tenant(), me(ctx));
            if (changed > 0) {
                repository.signal(dsl, Signals.read(ctx.tenant().id(), me(ctx)));
            }
            return changed;
        });
    }

    /** The caller's unread notifications, counted up to 1,000. */
    public int unreadCount(TenantContext ctx) {
        return tx.call(ctx, dsl -> repository.unreadCount(dsl, ctx.tenant(), me(ctx)));
    }

    public Preferences preferences(TenantContext ctx) {
        return tx.call(ctx, dsl -> preferences(dsl, ctx));
    }

    public Preferences updatePreferences(TenantContext ctx, JsonNode body) {
        JsonInput in = JsonInput.of(body, PREFERENCE_FIELDS);
        Optional<Boolean> email = in.optionalBoolean("email");
        in.finish();
        return tx.call(ctx, dsl -> {
            email.ifPresent(value -> preferences.setEmail(dsl, ctx.tenant(), me(ctx), value));
            return preferences(dsl, ctx);
        });
    }

    private Preferences preferences(DSLContext dsl, TenantContext ctx) {
        String address =
                users.account(dsl, ctx, me(ctx)).map(UserAccount::email).orElse(null);
        return new Preferences(preferences.email(dsl, ctx.tenant(), me(ctx)), mail.available(), address);
    }

    private static UUID me(TenantContext ctx) {
        if (ctx.userId() == null) {
            throw ApiException.notFound();
        }
        return ctx.userId();
    }
}
