package com.weavecrm.platform.organisation;

import static org.jooq.impl.DSL.trueCondition;

import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.audit.AuditLog;
import com.weavecrm.platform.audit.FieldChange;
import com.weavecrm.platform.organisation.internal.UserRepository;
import com.weavecrm.platform.security.IssuedToken;
import com.weavecrm.platform.security.PasswordHasher;
import com.weavecrm.platform.security.TokenInfo;
import com.weavecrm.platform.security.TokenKind;
import com.weavecrm.platform.security.TokenService;
import com.weavecrm.platform.tenancy.TenantChanged;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.JsonInput;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * What every signed-in user manages for themselves: display name, language, contact details, their
 * password and their personal API tokens.
 */
@Service
public class ProfileService {

    private static final Set<String> PROFILE_FIELDS = Set.of("displayName", "locale", "phone", "email");
    private static final Set<String> PASSWORD_FIELDS = Set.of("currentPassword", "newPassword");
    private static final Set<String> TOKEN_FIELDS = Set.of("name", "expiresAt");
    private static final int MAX_TOKEN_DAYS = 366;

    private final TenantTx tx;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public ProfileService(
            TenantTx tx,
            UserRepository users,
            PasswordHasher hasher,
            TokenService tokens,
            AuditLog audit,
            Clock clock,
            ApplicationEventPublisher events) {
        this.tx = tx;
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    public UserAccount me(TenantContext ctx) {
        return tx.call(ctx, dsl -> users.find(dsl, ctx.tenant(), ctx.userId(), trueCondition()))
                .orElseThrow(ApiException::notFound);
    }

    public UserAccount update(TenantContext ctx, JsonNode body) {
        JsonInput in = JsonInput.of(body, PROFILE_FIELDS);
        Optional<String> displayName = in.optionalText("displayName", 100);
        Optional<String> locale = in.optionalMatching("locale", 5, UserService.LOCALE);
        Optional<String> phone = in.optionalMatching("phone", 32, UserService.PHONE);
        Optional<String> email = in.optionalMatching("email", 254, UserService.EMAIL);
        if (in.has("displayName") && displayName.isEmpty() && !in.hasErrors()) {
            in.error("displayName", "required");
        }
        in.finish();
        return tx.call(ctx, dsl -> {
            UserAccount me =
                    users.find(dsl, ctx.tenant(), ctx.userId(), trueCondition()).orElseThrow(ApiException::notFound);
            UserAccount changed = new UserAccount(
                    me.id(),
                    me.username(),
                    displayName.orElse(me.displayName()),
                    me.orgUnitId(),
                    me.managerId(),
                    in.has("phone") ? phone.orElse(null) : me.phone(),
                    in.has("email") ? email.orElse(null) : me.email(),
                    me.status(),
                    locale.orElse(me.locale()),
                    me.roles(),
                    me.version(),
                    me.createdAt(),
                    me.updatedAt(),
                    me.lastLoginAt());
            if (!users.update(dsl, ctx.tenant(), changed, me.version())) {
                throw ApiException.staleVersion();
            }
            audit.record(
                    dsl,
                    ctx,
                    AuditAction.UPDATE,
                    ObjectNames.USER,
                    me.id(),
                    FieldChange.diff(UserService.values(me), UserService.values(changed)));
            events.publishEvent(new TenantChanged(ctx.tenant().id(), me.id()));
            return users.find(dsl, ctx.tenant(), me.id(), trueCondition()).orElseThrow();
        });
    }

    /** Changes the caller's password and ends every other session and token of theirs. */
    public void changePassword(TenantContext ctx, UUID currentTokenId, JsonNode body) {
        JsonInput in = JsonInput.of(body, PASSWORD_FIELDS);
        String current = in.requiredText("currentPassword", 1024);
        String next = in.requiredPassword("newPassword");
        in.finish();
        String hash = tx.call(ctx, dsl -> users.passwordHash(dsl, ctx.tenant(), ctx.userId()))
                .orElseThrow(ApiException::notFound);
        if (!hasher.matches(current, hash)) {
            throw ApiException.badRequest("currentPassword", "wrong_password");
        }
        String newHash = hasher.hash(next);
        tx.run(ctx, dsl -> {
            users.setPasswordHash(dsl, ctx.tenant(), ctx.userId(), newHash);
            tokens.revokeAllExcept(dsl, ctx, ctx.userId(), currentTokenId);
            audit.record(
                    dsl,
                    ctx,
                    AuditAction.PASSWORD_CHANGE,
                    ObjectNames.USER,
                    ctx.userId(),
                    List.of(new FieldChange("password", FieldChange.REDACTED, FieldChange.REDACTED)));
        });
    }

    public List<TokenInfo> tokens(TenantContext ctx) {
        return tx.call(ctx, dsl -> tokens.personalTokens(dsl, ctx, ctx.userId()));
    }

    public IssuedToken createToken(TenantContext ctx, JsonNode body) {
        JsonInput in = JsonInput.of(body, TOKEN_FIELDS);
        String name = in.requiredText("name", 100);
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expiresAt = in.optionalDateTime("expiresAt").orElse(now.plusDays(90));
        if (!in.hasErrors() && (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plusDays(MAX_TOKEN_DAYS)))) {
            in.error("expiresAt", "out_of_range", now, now.plusDays(MAX_TOKEN_DAYS));
        }
        in.finish();
        return tx.call(ctx, dsl -> {
            IssuedToken token = tokens.issue(dsl, ctx, ctx.userId(), TokenKind.PERSONAL, name, expiresAt);
            audit.record(
                    dsl,
                    ctx,
                    AuditAction.TOKEN_CREATE,
                    "token",
                    token.id(),
                    List.of(
                            new FieldChange("name", null, name),
                            new FieldChange("expiresAt", null, expiresAt.toString())));
            return token;
        });
    }

    public void revokeToken(TenantContext ctx, UUID tokenId) {
        tx.run(ctx, dsl -> {
            if (!tokens.revoke(dsl, ctx, tokenId, ctx.userId())) {
                throw ApiException.notFound();
            }
            audit.record(dsl, ctx, AuditAction.TOKEN_REVOKE, "token", tokenId, List.of());
        });
    }

    /** Ends the caller's current session or login token. */
    public void logout(TenantContext ctx, UUID tokenId) {
        tx.run(ctx, dsl -> {
            tokens.revoke(dsl, ctx, tokenId, ctx.userId());
            audit.record(dsl, ctx, AuditAction.LOGOUT, ObjectNames.USER, ctx.userId(), List.of());
        });
    }
}
