package com.weavecrm.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives one scenario with a fixed number of concurrent clients for a fixed time (after a warm-up),
 * recording every latency in an HdrHistogram: throughput, p50/p95/p99/max, errors.
 */
final class LoadRunner {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LoadRunner() {}

    static void run(Options options) throws Exception {
        String base = options.get("base", "http://localhost:8080");
        String scenario = options.get("scenario", "me");
        int concurrency = options.getInt("concurrency", 8);
        int seconds = options.getInt("seconds", 30);
        int warmup = options.getInt("warmup", 10);
        String loginBody = JSON.writeValueAsString(java.util.Map.of(
                "tenant", options.get("tenant", "default"),
                "username", options.get("user", "admin"),
                "password", options.get("password", "")));
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String token = JSON.readTree(
                        http.send(post(base + "/api/v1/auth/login", loginBody), HttpResponse.BodyHandlers.ofString())
                                .body())
                .path("token")
                .asString();
        HttpRequest request = switch (scenario) {
            case "me" ->
                HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json")
                        .build();
            case "login" -> post(base + "/api/v1/auth/login", loginBody);
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
        Result warm = drive(http, request, concurrency, warmup);
        Result result = drive(http, request, concurrency, seconds);
        System.out.printf(
                "scenario=%s concurrency=%d seconds=%d warmup_requests=%d%n",
                scenario, concurrency, seconds, warm.count);
        System.out.printf(
                "requests=%d errors=%d throughput=%.0f req/s p50=%.2f ms p95=%.2f ms p99=%.2f ms max=%.2f ms%n",
                result.count,
                result.errors,
                result.count / (double) seconds,
                millis(result.histogram, 50),
                millis(result.histogram, 95),
                millis(result.histogram, 99),
                result.histogram.getMaxValue() / 1_000_000.0);
    }

    private record Result(long count, long errors, Histogram histogram) {}

    private static Result drive(HttpClient http, HttpRequest request, int concurrency, int seconds)
            throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong count = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            clients.add(Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                        if (status >= 400) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    recorder.recordValue(System.nanoTime() - start);
                    count.incrementAndGet();
                }
            }));
        }
        Thread.sleep(seconds * 1000L);
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }
        return new Result(count.get(), errors.get(), recorder.getIntervalHistogram());
    }

    private static HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1_000_000.0;
    }
}
