package com.weavecrm.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.weavecrm.platform.security.internal.TokenRepository;
import com.weavecrm.platform.tenancy.Tenant;
import com.weavecrm.platform.tenancy.TenantChanged;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantRegistry;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.RequestLocales;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Opaque bearer tokens: {@code wv_<tenant>_<secret>}. The tenant part routes the lookup to the
 * tenant's schema; only a SHA-256 of the secret is stored, so a leaked database holds no usable
 * token. A token stops working the moment it is revoked, it expires or its user leaves.
 */
@Service
public class TokenService {

    private static final String PREFIX = "wv_";
    private static final int SECRET_BYTES = 32;
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(5);
    private static final Duration CACHE_LIFETIME = Duration.ofSeconds(1);

    private final TenantRegistry tenants;
    private final TenantTx tx;
    private final TokenRepository repository;
    private final SecurityProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ApplicationEventPublisher events;

    /**
     * Tokens resolved within the last second. A revocation, a user leaving or a permission change made
     * on this server clears the entries it concerns when it commits; on other servers of a cluster
     * an entry lives at most {@link #CACHE_LIFETIME}.
     */
    private final Cache<String, AuthenticatedUser> recent = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(CACHE_LIFETIME)
            .build();

    public TokenService(
            TenantRegistry tenants,
            TenantTx tx,
            TokenRepository repository,
            SecurityProperties properties,
            Clock clock,
            ApplicationEventPublisher events) {
        this.tenants = tenants;
        this.tx = tx;
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    /** Issues a token inside the caller's tenant transaction. */
    public IssuedToken issue(
            DSLContext dsl, TenantContext ctx, UUID userId, TokenKind kind, String name, OffsetDateTime expiresAt) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        repository.insert(dsl, ctx.tenant(), id, userId, kind, name, sha256(encoded), expiresAt, ctx.clientIp());
        return new IssuedToken(id, name, PREFIX + ctx.tenant().slug() + "_" + encoded, expiresAt);
    }

    public OffsetDateTime expiryFor(TokenKind kind) {
        Duration lifetime = kind == TokenKind.SESSION ? properties.sessionLifetime() : properties.loginTokenLifetime();
        return now().plus(lifetime);
    }

    /** The holder of {@code token}, if it is well-formed, current and its user active. */
    public Optional<AuthenticatedUser> authenticate(String token, String requestId) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        AuthenticatedUser cached = recent.getIfPresent(token);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<AuthenticatedUser> user = lookUp(token, requestId);
        user.ifPresent(u -> recent.put(token, u));
        return user;
    }

    /** Forgets cached sign-ins of the tenant (or of one user) once the change that makes them stale commits. */
    @TransactionalEventListener(fallbackExecution = true)
    void forget(TenantChanged change) {
        recent.asMap().values().removeIf(u -> change.concerns(u.tenant().id(), u.userId()));
    }

    private Optional<AuthenticatedUser> lookUp(String token, String requestId) {
        int split = token.indexOf('_', PREFIX.length());
        if (split < 0 || token.length() - split > 100) {
            return Optional.empty();
        }
        String slug = token.substring(PREFIX.length(), split);
        String secret = token.substring(split + 1);
        Optional<Tenant> tenant = tenants.findActive(slug);
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        TenantContext ctx = TenantContext.system(tenant.get(), requestId);
        return tx.call(
                ctx,
                dsl -> repository
                        .findHolder(dsl, ctx.tenant(), sha256(secret), now())
                        .map(holder -> {
                            touchIfDue(dsl, ctx.tenant(), holder);
                            return new AuthenticatedUser(
                                    ctx.tenant(),
                                    holder.tokenId(),
                                    holder.kind(),
                                    holder.userId(),
                                    holder.username(),
                                    holder.displayName(),
                                    holder.orgUnitId(),
                                    holder.roles(),
                                    RequestLocales.fromTag(holder.locale()),
                                    holder.securityVersion(),
                                    holder.metadataVersion());
                        }));
    }

    public boolean revoke(DSLContext dsl, TenantContext ctx, UUID tokenId, UUID userId) {
        events.publishEvent(new TenantChanged(ctx.tenant().id(), userId));
        return repository.revoke(dsl, ctx.tenant(), tokenId, userId);
    }

    /** Ends every session and token of a user (when they leave, or change their password). */
    public int revokeAll(DSLContext dsl, TenantContext ctx, UUID userId) {
        events.publishEvent(new TenantChanged(ctx.tenant().id(), userId));
        return repository.revokeAllOf(dsl, ctx.tenant(), userId);
    }

    /** Ends every session and token of a user but the one in use (after a password change). */
    public int revokeAllExcept(DSLContext dsl, TenantContext ctx, UUID userId, UUID keep) {
        events.publishEvent(new TenantChanged(ctx.tenant().id(), userId));
        return repository.revokeAllOfExcept(dsl, ctx.tenant(), userId, keep);
    }

    public List<TokenInfo> personalTokens(DSLContext dsl, TenantContext ctx, UUID userId) {
        return repository.listPersonal(dsl, ctx.tenant(), userId, now());
    }

    public int purgeExpired(DSLContext dsl, TenantContext ctx) {
        return repository.purgeExpired(dsl, ctx.tenant());
    }

    /** Records use (and slides a session's expiry) at most every few minutes, not on every request. */
    private void touchIfDue(DSLContext dsl, Tenant tenant, TokenRepository.Holder holder) {
        OffsetDateTime now = now();
        if (holder.lastUsedAt() != null
                && holder.lastUsedAt().plus(TOUCH_INTERVAL).isAfter(now)) {
            return;
        }
        OffsetDateTime newExpiry = holder.kind() == TokenKind.SESSION ? now.plus(properties.sessionLifetime()) : null;
        repository.touch(dsl, tenant, holder.tokenId(), now, newExpiry);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
