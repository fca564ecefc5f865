package com.weavecrm.notification;

import com.weavecrm.notification.internal.DeliveryRepository;
import com.weavecrm.notification.internal.Seals;
import com.weavecrm.notification.internal.WebhookRepository;
import com.weavecrm.notification.internal.WebhookUrls;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.audit.AuditLog;
import com.weavecrm.platform.audit.FieldChange;
import com.weavecrm.platform.security.SecretBox;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.JsonInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The tenant's group-bot channels (WeCom, Feishu, DingTalk): which notification kinds go to which
 * group. Read with the {@code settings} read right, changed with its update right. The URL must be on
 * the platform's own host ({@link WebhookUrls}); URL and secret are stored sealed and the secret is
 * never returned.
 */
@Service
public class WebhookChannels {

    public static final List<String> PLATFORMS = List.of("wecom", "feishu", "dingtalk");
    private static final Set<String> FIELDS = Set.of("name", "platform", "url", "secret", "kinds", "enabled");
    private static final String OBJECT = "webhook";

    private final TenantTx tx;
    private final PermissionService permissions;
    private final WebhookRepository repository;
    private final DeliveryRepository deliveries;
    private final WebhookUrls urls;
    private final SecretBox secrets;
    private final AuditLog audit;

    public WebhookChannels(
            TenantTx tx,
            PermissionService permissions,
            WebhookRepository repository,
            DeliveryRepository deliveries,
            WebhookUrls urls,
            SecretBox secrets,
            AuditLog audit) {
        this.tx = tx;
        this.permissions = permissions;
        this.repository = repository;
        this.deliveries = deliveries;
        this.urls = urls;
        this.secrets = secrets;
        this.audit = audit;
    }

    public List<WebhookChannel> list(TenantContext ctx) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.READ);
        return tx.call(ctx, dsl -> repository.all(dsl, ctx.tenant())).stream()
                .map(c -> view(ctx, c))
                .toList();
    }

    public WebhookChannel get(TenantContext ctx, UUID id) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.READ);
        return view(
                ctx, tx.call(ctx, dsl -> repository.find(dsl, ctx.tenant(), id)).orElseThrow(ApiException::notFound));
    }

    /** The newest deliveries to a channel (up to {@code limit}), failed ones with their reason. */
    public List<WebhookChannel.Delivery> deliveries(TenantContext ctx, UUID id, int limit) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.READ);
        return tx.call(ctx, dsl -> {
            repository.find(dsl, ctx.tenant(), id).orElseThrow(ApiException::notFound);
            return deliveries.recent(dsl, ctx.tenant(), id, limit).stream()
                    .map(d -> new WebhookChannel.Delivery(
                            d.id(),
                            d.notificationId(),
                            d.kind(),
                            d.status(),
                            d.attempts(),
                            d.lastError(),
                            d.createdAt(),
                            d.updatedAt()))
                    .toList();
        });
    }

    public WebhookChannel create(TenantContext ctx, JsonNode body) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        JsonInput in = JsonInput.of(body, FIELDS);
        String name = in.requiredText("name", 100);
        String platform = platform(in, true);
        String url = in.requiredText("url", 2_000);
        Optional<String> secret = secret(in, platform);
        List<String> kinds = kinds(in, true);
        boolean enabled = in.optionalBoolean("enabled").orElse(true);
        checkUrl(in, platform, url);
        in.finish();
        UUID id = UUID.randomUUID();
        return tx.call(ctx, dsl -> {
            if (repository.nameTaken(dsl, ctx.tenant(), name, null)) {
                throw ApiException.duplicate("name");
            }
            WebhookRepository.Channel channel = new WebhookRepository.Channel(
                    id,
                    name,
                    platform,
                    secrets.seal(url, Seals.url(ctx.tenant().id(), id)),
                    secret.map(s -> secrets.seal(s, Seals.secret(ctx.tenant().id(), id)))
                            .orElse(null),
                    kinds,
                    enabled,
                    1,
                    null,
                    null);
            repository.insert(dsl, ctx.tenant(), channel, ctx.userId());
            audit.record(dsl, ctx, AuditAction.CREATE, OBJECT, id, FieldChange.created(values(channel)));
            return view(ctx, repository.find(dsl, ctx.tenant(), id).orElseThrow());
        });
    }

    public WebhookChannel update(TenantContext ctx, UUID id, JsonNode body, String ifMatch) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        JsonInput in = JsonInput.of(body, FIELDS);
        Optional<String> name = in.optionalText("name", 100);
        if (in.has("name") && name.isEmpty() && !in.hasErrors()) {
            in.error("name", "required");
        }
        String newPlatform = platform(in, false);
        Optional<String> url = in.optionalText("url", 2_000);
        List<String> kinds = kinds(in, false);
        Optional<Boolean> enabled = in.optionalBoolean("enabled");
        return tx.call(ctx, dsl -> {
            WebhookRepository.Channel current =
                    repository.find(dsl, ctx.tenant(), id).orElseThrow(ApiException::notFound);
            long expected = expectedVersion(ifMatch, current.version());
            String platform = newPlatform != null ? newPlatform : current.platform();
            String plainUrl = url.orElseGet(() ->
                    secrets.open(current.urlSealed(), Seals.url(ctx.tenant().id(), id)));
            if (url.isPresent() || newPlatform != null) {
                checkUrl(in, platform, plainUrl);
            }
            Optional<String> secret = secret(in, platform);
            String secretSealed = in.has("secret")
                    ? secret.map(s -> secrets.seal(s, Seals.secret(ctx.tenant().id(), id)))
                            .orElse(null)
                    : "wecom".equals(platform) ? null : current.secretSealed();
            in.finish();
            WebhookRepository.Channel changed = new WebhookRepository.Channel(
                    id,
                    name.orElse(current.name()),
                    platform,
                    url.isPresent()
                            ? secrets.seal(plainUrl, Seals.url(ctx.tenant().id(), id))
                            : current.urlSealed(),
                    secretSealed,
                    in.has("kinds") ? kinds : current.kinds(),
                    enabled.orElse(current.enabled()),
                    current.version(),
                    current.createdAt(),
                    current.updatedAt());
            if (name.isPresent() && repository.nameTaken(dsl, ctx.tenant(), changed.name(), id)) {
                throw ApiException.duplicate("name");
            }
            if (!repository.update(dsl, ctx.tenant(), changed, expected)) {
                throw ApiException.staleVersion();
            }
            audit.record(dsl, ctx, AuditAction.UPDATE, OBJECT, id, FieldChange.diff(values(current), values(changed)));
            return view(ctx, repository.find(dsl, ctx.tenant(), id).orElseThrow());
        });
    }

    public void delete(TenantContext ctx, UUID id) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        tx.run(ctx, dsl -> {
            WebhookRepository.Channel current =
                    repository.find(dsl, ctx.tenant(), id).orElseThrow(ApiException::notFound);
            repository.delete(dsl, ctx.tenant(), id);
            audit.record(dsl, ctx, AuditAction.DELETE, OBJECT, id, FieldChange.diff(values(current), Map.of()));
        });
    }

    private String platform(JsonInput in, boolean required) {
        Optional<String> platform = in.optionalText("platform", 20);
        if (platform.isPresent() && !PLATFORMS.contains(platform.get())) {
            in.error("platform", "invalid_value");
            return null;
        }
        boolean sentAsText = in.node("platform").map(JsonNode::isString).orElse(true);
        if (platform.isEmpty() && required && sentAsText) {
            in.error("platform", "required");
        }
        return platform.orElse(null);
    }

    private static Optional<String> secret(JsonInput in, String platform) {
        Optional<String> secret = in.optionalText("secret", 500);
        if (secret.isPresent() && "wecom".equals(platform)) {
            in.error("secret", "not_supported");
            return Optional.empty();
        }
        return secret;
    }

    private static List<String> kinds(JsonInput in, boolean required) {
        Optional<JsonNode> node = in.node("kinds");
        if (node.isEmpty() || (node.get().isArray() && node.get().isEmpty())) {
            if (required || in.has("kinds")) {
                in.error("kinds", "required");
            }
            return List.of();
        }
        List<String> kinds = in.stringList("kinds", 50, 41);
        if (kinds.stream()
                .anyMatch(k -> !k.equals(NoticeKinds.ANY)
                        && !NoticeKinds.PATTERN.matcher(k).matches())) {
            in.error("kinds", "invalid_item");
            return List.of();
        }
        return kinds;
    }

    private void checkUrl(JsonInput in, String platform, String url) {
        if (url != null && platform != null && urls.allowed(platform, url).isEmpty()) {
            in.error("url", "url_not_allowed");
        }
    }

    private static long expectedVersion(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return current;
        }
        try {
            String value = ifMatch.strip();
            return Long.parseLong((value.startsWith("W/") ? value.substring(2) : value).replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("If-Match", "invalid_version");
        }
    }

    private static Map<String, Object> values(WebhookRepository.Channel channel) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", channel.name());
        values.put("platform", channel.platform());
        values.put("url", FieldChange.REDACTED);
        values.put("secret", channel.secretSealed() == null ? null : FieldChange.REDACTED);
        values.put("kinds", String.join(",", channel.kinds()));
        values.put("enabled", channel.enabled());
        return values;
    }

    private WebhookChannel view(TenantContext ctx, WebhookRepository.Channel c) {
        String url = secrets.open(c.urlSealed(), Seals.url(ctx.tenant().id(), c.id()));
        return new WebhookChannel(
                c.id(),
                c.name(),
                c.platform(),
                WebhookUrls.masked(url),
                c.secretSealed() != null,
                c.kinds(),
                c.enabled(),
                c.version(),
                c.createdAt(),
                c.updatedAt());
    }
}
