package com.weavecrm.notification.internal;

import com.weavecrm.platform.tenancy.Tenant;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live streams of this server: the open Server-Sent-Event connections by tenant and user. It is
 * fed by {@link SignalListener} (PostgreSQL LISTEN), so a notification created on any server of a
 * cluster reaches the recipient's pages on every server. Each stream gets {@code unread} (the count)
 * when it opens and whenever notifications are read, and {@code notification} (the notification and
 * the count; its event id is the notification's sequence number, so a reconnecting browser catches
 * up from {@code Last-Event-ID}). A comment every 25 s keeps proxies from closing an idle stream.
 */
@Component
public class StreamHub implements SmartLifecycle {

    static final Duration HEARTBEAT = Duration.ofSeconds(25);
    static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final int CATCH_UP = 100;
    private static final Logger log = LoggerFactory.getLogger(StreamHub.class);

    private record Key(UUID tenantId, UUID userId) {}

    private static final class Subscriber {
        final Key key;
        final Tenant tenant;
        final Locale locale;
        final SseEmitter emitter;
        volatile long lastSeq;

        Subscriber(Key key, Tenant tenant, Locale locale, SseEmitter emitter) {
            this.key = key;
            this.tenant = tenant;
            this.locale = locale;
            this.emitter = emitter;
        }
    }

    private final Map<Key, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final ExecutorService dispatch = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("notification-heartbeat").factory());
    private final TenantTx tx;
    private final NotificationRepository repository;
    private final Views views;
    private final JsonMapper json;
    private volatile boolean running;

    public StreamHub(TenantTx tx, NotificationRepository repository, Views views, JsonMapper json) {
        this.tx = tx;
        this.repository = repository;
        this.views = views;
        this.json = json;
    }

    /** Opens a stream for the caller; after {@code lastEventId} the notifications they missed come first. */
    public SseEmitter subscribe(TenantContext ctx, Long lastEventId) {
        SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
        Key key = new Key(ctx.tenant().id(), ctx.userId());
        Subscriber subscriber = new Subscriber(key, ctx.tenant(), ctx.locale(), emitter);
        if (!running) {
            emitter.complete();
            return emitter;
        }
        // registered before reading, so that nothing created meanwhile is missed (at worst sent twice)
        subscribers.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(subscriber);
        emitter.onCompletion(() -> remove(subscriber));
        emitter.onTimeout(() -> {
            remove(subscriber);
            emitter.complete();
        });
        emitter.onError(e -> remove(subscriber));
        record Start(int unread, long newest, List<StoredNotification> missed) {}
        Start start = tx.call(
                ctx,
                dsl -> new Start(
                        repository.unreadCount(dsl, ctx.tenant(), ctx.userId()),
                        repository.newestSeq(dsl, ctx.tenant(), ctx.userId()),
                        lastEventId == null
                                ? List.of()
                                : repository.after(dsl, ctx.tenant(), ctx.userId(), lastEventId, CATCH_UP)));
        subscriber.lastSeq = lastEventId == null ? start.newest() : lastEventId;
        send(subscriber, SseEmitter.event().name("unread").data(unread(start.unread())));
        start.missed().forEach(n -> sendNotification(subscriber, n, start.unread()));
        return emitter;
    }

    /** A signal from the database: pushes to this server's streams of that user, if any. */
    void onSignal(String payload) {
        String[] parts = payload.split("/");
        try {
            Key key = new Key(UUID.fromString(parts[1]), UUID.fromString(parts[2]));
            Set<Subscriber> streams = subscribers.get(key);
            if (streams == null || streams.isEmpty()) {
                return;
            }
            if (parts[0].equals("n")) {
                long seq = Long.parseLong(parts[3]);
                dispatch.execute(() -> pushNew(streams, seq));
            } else {
                dispatch.execute(() -> pushUnread(streams));
            }
        } catch (RuntimeException e) {
            log.warn("Ignored a malformed notification signal '{}': {}", payload, e.toString());
        }
    }

    /** After the listener (re)connected: what each stream may have missed meanwhile. */
    void catchUp() {
        subscribers
                .values()
                .forEach(streams -> streams.forEach(s -> dispatch.execute(() -> {
                    TenantContext ctx = TenantContext.system(s.tenant, "notification-stream");
                    record Missed(List<StoredNotification> rows, int unread) {}
                    Missed missed = tx.call(
                            ctx,
                            dsl -> new Missed(
                                    repository.after(dsl, s.tenant, s.key.userId(), s.lastSeq, CATCH_UP),
                                    repository.unreadCount(dsl, s.tenant, s.key.userId())));
                    missed.rows().forEach(n -> sendNotification(s, n, missed.unread()));
                })));
    }

    private void pushNew(Set<Subscriber> streams, long seq) {
        Tenant tenant = streams.iterator().next().tenant;
        TenantContext ctx = TenantContext.system(tenant, "notification-stream");
        record Fresh(StoredNotification row, int unread) {}
        Fresh fresh = tx.call(
                ctx,
                dsl -> repository
                        .bySeq(dsl, tenant, seq)
                        .map(n -> new Fresh(n, repository.unreadCount(dsl, tenant, n.recipientId())))
                        .orElse(null));
        if (fresh != null) {
            streams.forEach(s -> sendNotification(s, fresh.row(), fresh.unread()));
        }
    }

    private void pushUnread(Set<Subscriber> streams) {
        Subscriber any = streams.iterator().next();
        TenantContext ctx = TenantContext.system(any.tenant, "notification-stream");
        int unread = tx.call(ctx, dsl -> repository.unreadCount(dsl, any.tenant, any.key.userId()));
        streams.forEach(s -> send(s, SseEmitter.event().name("unread").data(unread(unread))));
    }

    private void sendNotification(Subscriber s, StoredNotification n, int unread) {
        Map<String, Object> data = Map.of("notification", views.of(n, s.locale), "unreadCount", unread);
        send(
                s,
                SseEmitter.event()
                        .id(Long.toString(n.seq()))
                        .name("notification")
                        .data(json.writeValueAsString(data)));
        s.lastSeq = Math.max(s.lastSeq, n.seq());
    }

    private String unread(int count) {
        return json.writeValueAsString(Map.of("unreadCount", count));
    }

    private void send(Subscriber s, SseEmitter.SseEventBuilder event) {
        try {
            s.emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            remove(s);
            try {
                s.emitter.complete();
            } catch (RuntimeException ignored) {
                // the connection is gone already
            }
        }
    }

    private void remove(Subscriber s) {
        subscribers.computeIfPresent(s.key, (k, set) -> {
            set.remove(s);
            return set.isEmpty() ? null : set;
        });
    }

    /** Open streams on this server (for metrics and tests). */
    public int size() {
        return subscribers.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void start() {
        running = true;
        heartbeat.scheduleAtFixedRate(
                () -> subscribers
                        .values()
                        .forEach(streams -> streams.forEach(s -> dispatch.execute(
                                () -> send(s, SseEmitter.event().comment("keep-alive"))))),
                HEARTBEAT.toSeconds(),
                HEARTBEAT.toSeconds(),
                TimeUnit.SECONDS);
    }

    /** Closes every stream first, so a graceful shutdown need not wait for them (browsers reconnect). */
    @Override
    public void stop() {
        running = false;
        heartbeat.shutdownNow();
        subscribers
                .values()
                .forEach(streams -> streams.forEach(s -> {
                    try {
                        s.emitter.complete();
                    } catch (RuntimeException ignored) {
                        // already closed
                    }
                }));
        subscribers.clear();
        dispatch.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
