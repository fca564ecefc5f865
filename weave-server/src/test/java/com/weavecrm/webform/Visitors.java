package com.weavecrm.webform;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A visitor of the public form pages: plain HTTP, no cookies, no session, redirects not followed. */
final class Visitors {

    private static final Pattern TOKEN = Pattern.compile("name=\"_ft\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private Visitors() {}

    record Page(int status, String body, HttpResponse<byte[]> response) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    static Page get(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** Opens the form's page (with the query given) and sends it with these values and the page's token. */
    static Page fill(String base, String key, String query, Map<String, String> values) {
        Page page = get(base + "/f/" + key + query);
        if (page.status() != 200) {
            throw new AssertionError("the form page answered " + page.status());
        }
        Map<String, String> form = new LinkedHashMap<>(hiddenInputs(page.body()));
        form.putAll(values);
        return post(base + "/f/" + key, form);
    }

    static Page post(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The page token and the UTM tags the page carries. */
    static Map<String, String> hiddenInputs(String html) {
        Map<String, String> hidden = new LinkedHashMap<>();
        Matcher token = TOKEN.matcher(html);
        if (token.find()) {
            hidden.put("_ft", token.group(1));
        }
        Matcher utm = Pattern.compile("type=\"hidden\" name=\"(utm_[a-z]+|lang)\" value=\"([^\"]*)\"")
                .matcher(html);
        while (utm.find()) {
            hidden.put(utm.group(1), utm.group(2).replace("&amp;", "&"));
        }
        return hidden;
    }

    private static Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Page(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
