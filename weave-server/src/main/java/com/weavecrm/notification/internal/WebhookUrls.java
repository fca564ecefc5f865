package com.weavecrm.notification.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Which URLs a group-bot channel may call: {@code https} on the platform's official host (WeCom
 * {@code qyapi.weixin.qq.com}; Feishu {@code open.feishu.cn} or {@code open.larksuite.com}; DingTalk
 * {@code oapi.dingtalk.com}), default port, no user info — or an origin the operator allowed in
 * {@code weave.webhooks.extra-allowed-hosts}. Nothing else: the server must not become a way to
 * reach other hosts (its own network above all).
 */
@Component
public class WebhookUrls {

    public static final Map<String, List<String>> OFFICIAL_HOSTS = Map.of(
            "wecom", List.of("qyapi.weixin.qq.com"),
            "feishu", List.of("open.feishu.cn", "open.larksuite.com"),
            "dingtalk", List.of("oapi.dingtalk.com"));

    private record Origin(String scheme, String host, int port) {}

    private final List<Origin> extra;

    public WebhookUrls(WebhookProperties properties) {
        this.extra = properties.extraAllowedHosts().stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(WebhookUrls::origin)
                .toList();
    }

    /** The URL when the platform's channel may call it; empty otherwise. */
    public Optional<URI> allowed(String platform, String url) {
        if (url == null || url.length() > 2_000 || !OFFICIAL_HOSTS.containsKey(platform)) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (!uri.isAbsolute()
                || uri.isOpaque()
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            return Optional.empty();
        }
        Origin origin = new Origin(
                uri.getScheme().toLowerCase(Locale.ROOT),
                uri.getHost().toLowerCase(Locale.ROOT),
                port(uri.getScheme().toLowerCase(Locale.ROOT), uri.getPort()));
        boolean official = origin.scheme().equals("https")
                && origin.port() == 443
                && OFFICIAL_HOSTS.get(platform).contains(origin.host());
        return official || extra.contains(origin) ? Optional.of(uri) : Optional.empty();
    }

    /**
     * The URL as the API shows it: query values (keys, access tokens) masked but for their last four
     * characters.
     */
    public static String masked(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        String masked = Stream.of(url.substring(query + 1).split("&"))
                .map(pair -> {
                    int eq = pair.indexOf('=');
                    if (eq < 0) {
                        return pair;
                    }
                    String value = pair.substring(eq + 1);
                    return pair.substring(0, eq + 1) + "****"
                            + (value.length() > 8 ? value.substring(value.length() - 4) : "");
                })
                .collect(Collectors.joining("&"));
        return url.substring(0, query + 1) + masked;
    }

    private static Origin origin(String entry) {
        String text = entry.contains("://") ? entry : "https://" + entry;
        URI uri = URI.create(text);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("weave.webhooks.extra-allowed-hosts: not a host: " + entry);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("weave.webhooks.extra-allowed-hosts: http or https only: " + entry);
        }
        return new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port(scheme, uri.getPort()));
    }

    private static int port(String scheme, int port) {
        if (port >= 0) {
            return port;
        }
        return scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
    }
}
