package com.weavecrm.platform.security;

import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.audit.AuditLog;
import com.weavecrm.platform.security.internal.CredentialRepository;
import com.weavecrm.platform.security.internal.CredentialRepository.Credentials;
import com.weavecrm.platform.tenancy.Tenant;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantRegistry;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Signs users in. A wrong password, an unknown user and an unknown tenant all answer the same 401
 * after the same work; ten failures in a row lock the account for fifteen minutes (429, even for the
 * right password); failures per address are limited too. Every success and failure is audited.
 */
@Service
public class LoginService {

    private static final String USER_OBJECT = "user";

    private final TenantRegistry tenants;
    private final TenantTx tx;
    private final CredentialRepository credentials;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final SecurityProperties properties;
    private final Clock clock;

    public LoginService(
            TenantRegistry tenants,
            TenantTx tx,
            CredentialRepository credentials,
            PasswordHasher hasher,
            TokenService tokens,
            LoginThrottle throttle,
            AuditLog audit,
            SecurityProperties properties,
            Clock clock) {
        this.tenants = tenants;
        this.tx = tx;
        this.credentials = credentials;
        this.hasher = hasher;
        this.tokens = tokens;
        this.throttle = throttle;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** A sign-in attempt as it arrives from the API or the login form. */
    public record Attempt(String tenant, String username, String password, String clientIp, String requestId) {}

    public IssuedToken login(Attempt attempt, TokenKind kind) {
        throttle.check(attempt.clientIp());
        Optional<Tenant> tenant = tenants.findActive(attempt.tenant());
        if (tenant.isEmpty()) {
            hasher.matchDecoy(attempt.password());
            throw failed(attempt);
        }
        TenantContext anonymous =
                new TenantContext(tenant.get(), null, 0, 0, attempt.requestId(), attempt.clientIp(), null);
        Optional<Credentials> found =
                tx.call(anonymous, dsl -> credentials.findByUsername(dsl, anonymous.tenant(), attempt.username()));
        if (found.isEmpty()) {
            hasher.matchDecoy(attempt.password());
            tx.run(
                    anonymous,
                    dsl -> audit.record(
                            dsl,
                            anonymous,
                            AuditAction.LOGIN_FAILED,
                            USER_OBJECT,
                            null,
                            List.of(),
                            "unknown user " + truncate(attempt.username())));
            throw failed(attempt);
        }
        Credentials user = found.get();
        TenantContext ctx =
                new TenantContext(tenant.get(), user.userId(), 0, 0, attempt.requestId(), attempt.clientIp(), null);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (user.lockedUntil() != null && user.lockedUntil().isAfter(now)) {
            tx.run(
                    ctx,
                    dsl -> audit.record(
                            dsl,
                            ctx,
                            AuditAction.LOGIN_FAILED,
                            USER_OBJECT,
                            user.userId(),
                            List.of(),
                            "account locked"));
            throw new TooManyRequestsException("problem.account_locked", Duration.between(now, user.lockedUntil()));
        }
        boolean passwordMatches = hasher.matches(attempt.password(), user.passwordHash());
        if (!passwordMatches || !user.active()) {
            tx.run(ctx, dsl -> {
                Optional<OffsetDateTime> locked = credentials.recordFailure(
                        dsl, ctx.tenant(), user.userId(), properties.maxFailures(), now.plus(properties.lockout()));
                String detail = !user.active()
                        ? "user has left"
                        : locked.isPresent() ? "wrong password, account locked" : "wrong password";
                audit.record(dsl, ctx, AuditAction.LOGIN_FAILED, USER_OBJECT, user.userId(), List.of(), detail);
            });
            throw failed(attempt);
        }
        String upgraded = hasher.needsRehash(user.passwordHash()) ? hasher.hash(attempt.password()) : null;
        return tx.call(ctx, dsl -> {
            credentials.recordSuccess(dsl, ctx.tenant(), user.userId(), upgraded);
            audit.record(dsl, ctx, AuditAction.LOGIN, USER_OBJECT, user.userId(), List.of(), kind.dbValue());
            return tokens.issue(dsl, ctx, user.userId(), kind, null, tokens.expiryFor(kind));
        });
    }

    private ApiException failed(Attempt attempt) {
        throttle.recordFailure(attempt.clientIp());
        return new ApiException(org.springframework.http.HttpStatus.UNAUTHORIZED, "problem.bad_credentials");
    }

    private static String truncate(String username) {
        if (username == null) {
            return "";
        }
        return username.length() > 64 ? username.substring(0, 64) : username;
    }
}
