package com.weavecrm.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Recorder;

/**
 * Drives one scenario with a fixed number of concurrent clients: a warm-up, then a measured period
 * bounded by time and by a number of requests, every latency recorded in an HdrHistogram.
 */
final class LoadRunner {

    /** One client of a scenario (a connection, say); {@link #call} does one request. */
    interface Client extends AutoCloseable {

        /** One request; false (or an exception) counts as an error. */
        boolean call(SplittableRandom random) throws Exception;

        @Override
        default void close() throws Exception {}
    }

    /** Makes a client for each thread. */
    interface ClientFactory {
        Client open() throws Exception;
    }

    /**
     * How long and how hard to drive a scenario. With {@code perSecond} 0 each client sends its next
     * request when the last one is answered (closed model: the load saturates the server); otherwise
     * requests are due at that fixed rate whatever the answers take (open model, up to {@code clients}
     * at once), and a latency counts from when its request was due, so a slow answer that delays the
     * next requests is charged to them as well (no coordinated omission).
     */
    record Load(int clients, Duration warmup, Duration duration, long maxRequests, double perSecond) {
        Load(int clients, Duration warmup, Duration duration, long maxRequests) {
            this(clients, warmup, duration, maxRequests, 0);
        }
    }

    private LoadRunner() {}

    /**
     * Drives the scenario; {@code server} reads the server's CPU and request times, once when the
     * measured period starts and once when it ends.
     */
    static Measurement run(
            String name, Load load, ClientFactory factory, java.util.function.Supplier<ServerReading> server)
            throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long measureFrom = System.nanoTime() + load.warmup().toNanos();
        long end = measureFrom + load.duration().toNanos();
        AtomicLong measuredEnd = new AtomicLong(end);
        AtomicReference<ServerReading> atStart = new AtomicReference<>();
        Thread meter = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(Duration.ofNanos(Math.max(0, measureFrom - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            atStart.set(server.get());
        });
        long begin = System.nanoTime();
        AtomicLong tickets = new AtomicLong();
        double interval = load.perSecond() > 0 ? 1e9 / load.perSecond() : 0;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < load.clients(); i++) {
            SplittableRandom random = new SplittableRandom(name.hashCode() * 31L + i);
            threads.add(Thread.ofPlatform().name(name + "-" + i).start(() -> {
                try (Client client = factory.open()) {
                    while (true) {
                        long start = System.nanoTime();
                        if (interval > 0) {
                            start = begin + (long) (tickets.getAndIncrement() * interval);
                            java.util.concurrent.locks.LockSupport.parkNanos(start - System.nanoTime());
                        }
                        if (start >= end || (start >= measureFrom && requests.get() >= load.maxRequests())) {
                            measuredEnd.accumulateAndGet(start, Math::min);
                            return;
                        }
                        boolean ok;
                        try {
                            ok = client.call(random);
                        } catch (Exception e) {
                            ok = false;
                            firstError.compareAndSet(null, e.toString());
                        }
                        if (start >= measureFrom) {
                            recorder.recordValue(System.nanoTime() - start);
                            requests.incrementAndGet();
                            if (!ok) {
                                errors.incrementAndGet();
                            }
                        }
                    }
                } catch (Exception e) {
                    firstError.compareAndSet(null, "client could not start: " + e);
                    errors.incrementAndGet();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        meter.join();
        Thread.sleep(300); // PostgreSQL reaps the backends of closed connections, and counts their time
        ServerReading during = server.get().minus(atStart.get());
        double seconds = Math.max(1e-3, (Math.max(measureFrom, measuredEnd.get()) - measureFrom) / 1e9);
        Measurement measurement = Measurement.of(
                name,
                load.clients(),
                seconds,
                requests.get(),
                errors.get(),
                recorder.getIntervalHistogram(),
                firstError.get(),
                during);
        System.out.println("  " + measurement.summary());
        return measurement;
    }
}
