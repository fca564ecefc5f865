package com.weavecrm.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.weavecrm.support.TestPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the platforms' bot endpoints on 127.0.0.1 (the port the test server allows): records
 * every call; paths ending in {@code /fail} answer 500, {@code /moved} a redirect, {@code /refused}
 * 200 with a platform error code, anything else {@code {"errcode":0,"errmsg":"ok"}}.
 */
final class LocalBot implements AutoCloseable {

    /** A call the bot received. */
    record Call(String path, String query, String body) {}

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    LocalBot() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", TestPorts.webhook()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + TestPorts.webhook() + path;
    }

    /**
     * The first call not taken yet to a path starting with {@code prefix} (taken now), or null after
     * {@code wait}.
     */
    Call next(String prefix, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            for (Call call : calls) {
                if (call.path().startsWith(prefix) && calls.remove(call)) {
                    return call;
                }
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            Thread.sleep(100);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        calls.add(new Call(path, exchange.getRequestURI().getRawQuery(), body));
        int status = 200;
        String answer = "{\"errcode\":0,\"errmsg\":\"ok\"}";
        if (path.endsWith("/fail")) {
            status = 500;
            answer = "boom";
        } else if (path.endsWith("/moved")) {
            status = 302;
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data");
            answer = "";
        } else if (path.endsWith("/refused")) {
            answer = "{\"errcode\":310000,\"errmsg\":\"sign not match\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
