package com.weavecrm.notification.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on the {@code weave_notifications} channel (PostgreSQL LISTEN/NOTIFY) with one connection
 * and hands each signal to the {@link StreamHub}. NOTIFY is sent when the writing
 * transaction commits, so every server hears of every notification at once, with no polling. The
 * connection is renewed every ten minutes and re-opened after a failure; after each (re)connection
 * the streams catch up on what they may have missed.
 */
@Component
class SignalListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SignalListener.class);
    private static final Duration RENEW = Duration.ofMinutes(10);
    private static final int WAIT_MILLIS = 1_000;

    private final DataSource dataSource;
    private final StreamHub hub;
    private final String listenUrl;
    private final String username;
    private final String password;
    private volatile boolean running;
    private Thread thread;

    SignalListener(
            DataSource dataSource,
            StreamHub hub,
            @Value("${weave.notifications.listen-url:}") String listenUrl,
            @Value("${spring.datasource.username:}") String username,
            @Value("${spring.datasource.password:}") String password) {
        this.dataSource = dataSource;
        this.hub = hub;
        this.listenUrl = listenUrl.strip();
        this.username = username;
        this.password = password;
    }

    /**
     * A connection of the pool, or — behind a pooler in transaction mode, where LISTEN does not work —
     * one straight to PostgreSQL ({@code weave.notifications.listen-url}, same user and password).
     */
    private Connection connect() throws SQLException {
        return listenUrl.isEmpty()
                ? dataSource.getConnection()
                : DriverManager.getConnection(listenUrl, username, password);
    }

    private void listen() {
        boolean first = true;
        while (running) {
            try (Connection connection = connect()) {
                PGConnection pg = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + NotificationRepository.CHANNEL);
                }
                if (!first) {
                    hub.catchUp();
                }
                first = false;
                long renewAt = System.nanoTime() + RENEW.toNanos();
                while (running && System.nanoTime() < renewAt) {
                    PGNotification[] signals = pg.getNotifications(WAIT_MILLIS);
                    if (signals != null) {
                        for (PGNotification signal : signals) {
                            hub.onSignal(signal.getParameter());
                        }
                    }
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("unlisten *");
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Notification listener lost its connection, reconnecting: {}", e.toString());
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("notification-listener").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(WAIT_MILLIS * 3L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the data source and stops before it (and after the streams closed). */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1;
    }
}
