package com.weavecrm.platform.security.internal;

import static org.jooq.impl.DSL.array;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.trueCondition;

import com.weavecrm.platform.security.TokenInfo;
import com.weavecrm.platform.security.TokenKind;
import com.weavecrm.platform.tenancy.Tenant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/** SQL of {@code auth_token}: issuing, resolving and revoking bearer secrets by their hash. */
@Repository
public class TokenRepository {

    private static final Field<UUID> ID = field(name("id"), UUID.class);
    private static final Field<UUID> USER_ID = field(name("user_id"), UUID.class);
    private static final Field<String> KIND = field(name("kind"), String.class);
    private static final Field<String> TOKEN_NAME = field(name("name"), String.class);
    private static final Field<byte[]> HASH = field(name("token_hash"), byte[].class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> EXPIRES_AT = field(name("expires_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> LAST_USED_AT = field(name("last_used_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> REVOKED_AT = field(name("revoked_at"), OffsetDateTime.class);
    private static final Field<String> CREATED_IP = field(name("created_ip"), String.class);
    private static final Field<UUID> T_ID = field(name("t", "id"), UUID.class);
    private static final Field<UUID> T_USER_ID = field(name("t", "user_id"), UUID.class);
    private static final Field<String> T_KIND = field(name("t", "kind"), String.class);
    private static final Field<byte[]> T_HASH = field(name("t", "token_hash"), byte[].class);
    private static final Field<OffsetDateTime> T_EXPIRES_AT = field(name("t", "expires_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> T_LAST_USED_AT = field(name("t", "last_used_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> T_REVOKED_AT = field(name("t", "revoked_at"), OffsetDateTime.class);
    private static final Field<UUID> U_ID = field(name("u", "id"), UUID.class);
    private static final Field<String> U_USERNAME = field(name("u", "username"), String.class);
    private static final Field<String> U_DISPLAY_NAME = field(name("u", "display_name"), String.class);
    private static final Field<UUID> U_ORG_UNIT = field(name("u", "org_unit_id"), UUID.class);
    private static final Field<String> U_LOCALE = field(name("u", "locale"), String.class);
    private static final Field<String> U_STATUS = field(name("u", "status"), String.class);
    private static final Field<Long> SECURITY_VERSION = field(name("s", "security_version"), Long.class);
    private static final Field<Long> METADATA_VERSION = field(name("s", "metadata_version"), Long.class);
    private static final Field<UUID> UR_USER = field(name("ur", "user_id"), UUID.class);
    private static final Field<UUID> UR_ROLE = field(name("ur", "role_id"), UUID.class);
    private static final Field<UUID> R_ID = field(name("r", "id"), UUID.class);
    private static final Field<String> R_API_NAME = field(name("r", "api_name"), String.class);

    /** What a valid token says about its holder. */
    public record Holder(
            UUID tokenId,
            TokenKind kind,
            OffsetDateTime expiresAt,
            OffsetDateTime lastUsedAt,
            UUID userId,
            String username,
            String displayName,
            UUID orgUnitId,
            String locale,
            long securityVersion,
            long metadataVersion,
            List<String> roles) {}

    public void insert(
            DSLContext dsl,
            Tenant tenant,
            UUID id,
            UUID userId,
            TokenKind kind,
            String tokenName,
            byte[] hash,
            OffsetDateTime expiresAt,
            String ip) {
        dsl.insertInto(tokens(tenant))
                .set(ID, id)
                .set(USER_ID, userId)
                .set(KIND, kind.dbValue())
                .set(TOKEN_NAME, tokenName)
                .set(HASH, hash)
                .set(EXPIRES_AT, expiresAt)
                .set(CREATED_IP, ip)
                .execute();
    }

    /** The holder of an unrevoked, unexpired token whose user is active. One query. */
    public Optional<Holder> findHolder(DSLContext dsl, Tenant tenant, byte[] hash, OffsetDateTime now) {
        Field<String[]> roles = array(select(R_API_NAME)
                        .from(tenant.table("user_role").as("ur"))
                        .join(tenant.table("role").as("r"))
                        .on(R_ID.eq(UR_ROLE))
                        .where(UR_USER.eq(U_ID))
                        .orderBy(R_API_NAME))
                .as("roles");
        return dsl.select(
                        T_ID,
                        T_KIND,
                        T_EXPIRES_AT,
                        T_LAST_USED_AT,
                        U_ID,
                        U_USERNAME,
                        U_DISPLAY_NAME,
                        U_ORG_UNIT,
                        U_LOCALE,
                        SECURITY_VERSION,
                        METADATA_VERSION,
                        roles)
                .from(tenant.table("auth_token").as("t"))
                .join(tenant.table("app_user").as("u"))
                .on(U_ID.eq(T_USER_ID))
                .crossJoin(tenant.table("tenant_settings").as("s"))
                .where(T_HASH.eq(hash))
                .and(T_REVOKED_AT.isNull())
                .and(T_EXPIRES_AT.gt(now))
                .and(U_STATUS.eq("active"))
                .fetchOptional(r -> new Holder(
                        r.get(T_ID),
                        TokenKind.fromDb(r.get(T_KIND)),
                        r.get(T_EXPIRES_AT),
                        r.get(T_LAST_USED_AT),
                        r.get(U_ID),
                        r.get(U_USERNAME),
                        r.get(U_DISPLAY_NAME),
                        r.get(U_ORG_UNIT),
                        r.get(U_LOCALE),
                        r.get(SECURITY_VERSION),
                        r.get(METADATA_VERSION),
                        List.of(r.get(roles))));
    }

    public void touch(DSLContext dsl, Tenant tenant, UUID tokenId, OffsetDateTime now, OffsetDateTime newExpiry) {
        var update = dsl.update(tokens(tenant)).set(LAST_USED_AT, now);
        (newExpiry == null ? update : update.set(EXPIRES_AT, newExpiry))
                .where(ID.eq(tokenId))
                .execute();
    }

    public boolean revoke(DSLContext dsl, Tenant tenant, UUID tokenId, UUID userId) {
        return dsl.update(tokens(tenant))
                        .set(REVOKED_AT, currentOffsetDateTime())
                        .where(ID.eq(tokenId))
                        .and(USER_ID.eq(userId))
                        .and(REVOKED_AT.isNull())
                        .execute()
                > 0;
    }

    public int revokeAllOf(DSLContext dsl, Tenant tenant, UUID userId) {
        return dsl.update(tokens(tenant))
                .set(REVOKED_AT, currentOffsetDateTime())
                .where(USER_ID.eq(userId))
                .and(REVOKED_AT.isNull())
                .execute();
    }

    public int revokeAllOfExcept(DSLContext dsl, Tenant tenant, UUID userId, UUID keep) {
        return dsl.update(tokens(tenant))
                .set(REVOKED_AT, currentOffsetDateTime())
                .where(USER_ID.eq(userId))
                .and(REVOKED_AT.isNull())
                .and(keep == null ? trueCondition() : ID.ne(keep))
                .execute();
    }

    public List<TokenInfo> listPersonal(DSLContext dsl, Tenant tenant, UUID userId, OffsetDateTime now) {
        return dsl.select(ID, TOKEN_NAME, CREATED_AT, EXPIRES_AT, LAST_USED_AT)
                .from(tokens(tenant))
                .where(USER_ID.eq(userId))
                .and(KIND.eq(TokenKind.PERSONAL.dbValue()))
                .and(REVOKED_AT.isNull())
                .and(EXPIRES_AT.gt(now))
                .orderBy(CREATED_AT.desc())
                .fetch(this::toInfo);
    }

    /** Deletes tokens that expired or were revoked more than a day ago. */
    public int purgeExpired(DSLContext dsl, Tenant tenant) {
        return dsl.deleteFrom(tokens(tenant))
                .where(EXPIRES_AT.lt(currentOffsetDateTime().minus(1)))
                .or(REVOKED_AT.lt(currentOffsetDateTime().minus(1)))
                .execute();
    }

    private TokenInfo toInfo(Record r) {
        return new TokenInfo(r.get(ID), r.get(TOKEN_NAME), r.get(CREATED_AT), r.get(EXPIRES_AT), r.get(LAST_USED_AT));
    }

    private static Table<Record> tokens(Tenant tenant) {
        return tenant.table("auth_token");
    }
}
