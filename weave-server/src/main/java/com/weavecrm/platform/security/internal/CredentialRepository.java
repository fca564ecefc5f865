package com.weavecrm.platform.security.internal;

import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;

import com.weavecrm.platform.tenancy.Tenant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

/** SQL of a user's credentials: password hash, failed attempts and lockout. */
@Repository
public class CredentialRepository {

    private static final Field<UUID> ID = field(name("id"), UUID.class);
    private static final Field<String> USERNAME = field(name("username"), String.class);
    private static final Field<String> PASSWORD_HASH = field(name("password_hash"), String.class);
    private static final Field<String> STATUS = field(name("status"), String.class);
    private static final Field<Integer> FAILED_LOGINS = field(name("failed_logins"), Integer.class);
    private static final Field<OffsetDateTime> LOCKED_UNTIL = field(name("locked_until"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> LAST_LOGIN_AT = field(name("last_login_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> PASSWORD_CHANGED_AT =
            field(name("password_changed_at"), OffsetDateTime.class);

    /** A user's credentials as sign-in needs them. */
    public record Credentials(UUID userId, String passwordHash, boolean active, OffsetDateTime lockedUntil) {}

    public Optional<Credentials> findByUsername(DSLContext dsl, Tenant tenant, String username) {
        return dsl.select(ID, PASSWORD_HASH, STATUS, LOCKED_UNTIL)
                .from(tenant.table("app_user"))
                .where(lower(USERNAME).eq(username.toLowerCase(java.util.Locale.ROOT)))
                .fetchOptional(r -> new Credentials(
                        r.get(ID), r.get(PASSWORD_HASH), "active".equals(r.get(STATUS)), r.get(LOCKED_UNTIL)));
    }

    public Optional<String> passwordHash(DSLContext dsl, Tenant tenant, UUID userId) {
        return dsl.select(PASSWORD_HASH)
                .from(tenant.table("app_user"))
                .where(ID.eq(userId))
                .fetchOptional(PASSWORD_HASH);
    }

    /**
     * Counts a failure; the {@code maxFailures}-th in a row locks the account until {@code lockUntil}.
     * Atomic, so parallel attempts cannot slip past the limit. Returns the lock's end if this failure
     * locked the account.
     */
    public Optional<OffsetDateTime> recordFailure(
            DSLContext dsl, Tenant tenant, UUID userId, int maxFailures, OffsetDateTime lockUntil) {
        var reachesLimit = FAILED_LOGINS.plus(1).ge(maxFailures);
        return dsl.update(tenant.table("app_user"))
                .set(LOCKED_UNTIL, when(reachesLimit, val(lockUntil)).otherwise(LOCKED_UNTIL))
                .set(FAILED_LOGINS, when(reachesLimit, inline(0)).otherwise(FAILED_LOGINS.plus(1)))
                .where(ID.eq(userId))
                .returning(LOCKED_UNTIL)
                .fetchOptional()
                .map(r -> r.get(LOCKED_UNTIL))
                .filter(until -> !until.isBefore(lockUntil));
    }

    public void recordSuccess(DSLContext dsl, Tenant tenant, UUID userId, String upgradedHash) {
        var update = dsl.update(tenant.table("app_user"))
                .set(FAILED_LOGINS, 0)
                .set(LOCKED_UNTIL, (OffsetDateTime) null)
                .set(LAST_LOGIN_AT, currentOffsetDateTime());
        (upgradedHash == null ? update : update.set(PASSWORD_HASH, upgradedHash))
                .where(ID.eq(userId))
                .execute();
    }

    public void setPassword(DSLContext dsl, Tenant tenant, UUID userId, String hash) {
        dsl.update(tenant.table("app_user"))
                .set(PASSWORD_HASH, hash)
                .set(PASSWORD_CHANGED_AT, currentOffsetDateTime())
                .set(FAILED_LOGINS, 0)
                .set(LOCKED_UNTIL, (OffsetDateTime) null)
                .where(ID.eq(userId))
                .execute();
    }
}
