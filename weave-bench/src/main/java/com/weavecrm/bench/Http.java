package com.weavecrm.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The harness's HTTP: Apache HttpClient's classic client, which runs a request on the calling thread
 * over a kept-alive connection — none of the thread hand-offs of the JDK's asynchronous client, so
 * the load generator takes a small share of the cores it shares with the server.
 */
final class Http implements AutoCloseable {

    /** A request: method, path below the server's base address, and a body sent as JSON (or null). */
    record Call(String method, String path, Object body) {
        static Call get(String path) {
            return new Call("GET", path, null);
        }
    }

    /** A response with its body read. */
    record Response(int status, String body) {}

    private final CloseableHttpClient client;
    private final String base;
    private final String token;

    /** A client for {@code base}; with a {@code token}, every request carries it as a bearer token. */
    Http(String base, String token, int connections) {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(connections)
                .setMaxConnPerRoute(connections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(5))
                        .setSocketTimeout(Timeout.ofMinutes(2))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .evictIdleConnections(Timeout.of(1, TimeUnit.MINUTES))
                .build();
        this.base = base;
        this.token = token;
    }

    String base() {
        return base;
    }

    /** Sends the call and reads the whole response. */
    Response send(Call call) throws IOException {
        return client.execute(
                request(call),
                response -> new Response(
                        response.getCode(),
                        response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity())));
    }

    /** Sends the call and returns the status, reading the body without keeping it. */
    int exchange(Call call) throws IOException {
        return client.execute(request(call), response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
    }

    private HttpUriRequestBase request(Call call) {
        HttpUriRequestBase request = new HttpUriRequestBase(call.method(), java.net.URI.create(base + call.path()));
        request.setHeader("Accept", "application/json");
        if (token != null) {
            request.setHeader("Authorization", "Bearer " + token);
        }
        if (call.body() != null) {
            request.setEntity(
                    new StringEntity(ServerApi.JSON.writeValueAsString(call.body()), ContentType.APPLICATION_JSON));
        }
        return request;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
