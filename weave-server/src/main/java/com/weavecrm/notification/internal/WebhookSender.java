package com.weavecrm.notification.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts a message to a group bot in its platform's format — WeCom {@code markdown}, Feishu {@code
 * text}, DingTalk {@code markdown} — signed where the platform signs and a secret is set. Java's
 * HTTP client with time limits; redirects are never followed (a redirect could lead past the
 * allow-list). A call fails unless the bot answers 2xx with error code 0.
 */
@Component
public class WebhookSender {

    private final HttpClient http;
    private final WebhookProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    public WebhookSender(WebhookProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends the message; throws {@link DeliveryException} saying why when the bot did not take it. */
    public void send(String platform, URI url, String secret, BotMessage message) {
        URI target = url;
        ObjectNode body = json.createObjectNode();
        switch (platform) {
            case "wecom" ->
                body.put("msgtype", "markdown").putObject("markdown").put("content", markdown(message));
            case "feishu" -> {
                if (secret != null) {
                    long seconds = clock.instant().getEpochSecond();
                    body.put("timestamp", Long.toString(seconds));
                    body.put("sign", WebhookSigner.feishu(seconds, secret));
                }
                body.put("msg_type", "text").putObject("content").put("text", plain(message));
            }
            case "dingtalk" -> {
                if (secret != null) {
                    long millis = clock.millis();
                    target = withQuery(
                            url,
                            "timestamp=" + millis + "&sign="
                                    + URLEncoder.encode(
                                            WebhookSigner.dingTalk(millis, secret), StandardCharsets.UTF_8));
                }
                body.put("msgtype", "markdown")
                        .putObject("markdown")
                        .put("title", message.title())
                        .put("text", markdown(message));
            }
            default -> throw new DeliveryException("unknown platform " + platform);
        }
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(properties.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DeliveryException("cannot reach " + url.getHost() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted");
        }
        check(response);
    }

    private void check(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryException("HTTP " + response.statusCode() + " " + excerpt(response.body()));
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (RuntimeException e) {
            return; // 2xx without JSON: a gateway of one's own that accepted the message
        }
        // WeCom and DingTalk answer errcode, Feishu code (older versions StatusCode); 0 is success
        for (String field : new String[] {"errcode", "code", "StatusCode"}) {
            JsonNode code = answer.get(field);
            if (code != null && code.isNumber() && code.asInt() != 0) {
                throw new DeliveryException(field + " " + code.asInt() + " " + excerpt(response.body()));
            }
        }
    }

    static String markdown(BotMessage message) {
        StringBuilder text = new StringBuilder("**").append(message.title()).append("**");
        if (message.body() != null && !message.body().isBlank()) {
            text.append("\n\n").append(message.body());
        }
        if (message.link() != null) {
            text.append("\n\n[")
                    .append(message.link())
                    .append("](")
                    .append(message.link())
                    .append(')');
        }
        return text.toString();
    }

    static String plain(BotMessage message) {
        StringBuilder text = new StringBuilder(message.title());
        if (message.body() != null && !message.body().isBlank()) {
            text.append('\n').append(message.body());
        }
        if (message.link() != null) {
            text.append('\n').append(message.link());
        }
        return text.toString();
    }

    private static URI withQuery(URI url, String extra) {
        String text = url.toString();
        return URI.create(text + (url.getRawQuery() == null ? "?" : "&") + extra);
    }

    private static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
