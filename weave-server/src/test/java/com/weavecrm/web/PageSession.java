package com.weavecrm.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser without JavaScript: plain HTTP with its own cookies, never following redirects. */
final class PageSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;
    private final String language;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    PageSession(String base, String language) {
        this.base = base;
        this.language = language;
    }

    record Page(int status, String body, Map<String, List<String>> headers) {
        String location() {
            List<String> values = headers.get("location");
            return values == null ? null : values.get(0);
        }
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form as a browser would; {@code withCsrf} adds the token of the last page seen. */
    Page post(String path, Map<String, String> fields) {
        return post(path, List.copyOf(fields.entrySet()));
    }

    /** Posts a form whose fields may repeat (ticked checkboxes of one name). */
    Page post(String path, List<Map.Entry<String, String>> fields) {
        String form = fields.stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** The CSRF token of a form on the page. */
    static String csrf(Page page) {
        Matcher m = CSRF_FIELD.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no _csrf field on the page");
        }
        return m.group(1);
    }

    /** The cookies as a browser sends them (for a client of its own, such as an event stream). */
    String cookieHeader() {
        return cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    boolean hasCookie(String name) {
        return cookies.containsKey(name);
    }

    /** Signs in through the login form; returns the response to the form's POST. */
    Page signIn(String tenant, String username, String password) {
        Page form = get("/login");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf(form));
        fields.put("tenant", tenant);
        fields.put("username", username);
        fields.put("password", password);
        return post("/login", fields);
    }

    private Page send(HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(60)).header("Accept", "text/html").header("Accept-Language", language);
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("set-cookie")) {
                String pair = header.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return new Page(
                    response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
