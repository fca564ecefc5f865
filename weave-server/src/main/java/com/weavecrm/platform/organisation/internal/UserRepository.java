package com.weavecrm.platform.organisation.internal;

import static org.jooq.impl.DSL.array;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.trueCondition;
import static org.jooq.impl.DSL.val;

import com.weavecrm.platform.organisation.UserAccount;
import com.weavecrm.platform.organisation.UserFilter;
import com.weavecrm.platform.tenancy.Tenant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL of users ({@code app_user}) and their role assignments ({@code user_role}). */
@Repository
public class UserRepository {

    /** A user's own id: for users, the "owner" their data scope is judged by. */
    public static final Field<UUID> ID = field(name("u", "id"), UUID.class);

    private static final Field<String> USERNAME = field(name("u", "username"), String.class);
    private static final Field<String> DISPLAY_NAME = field(name("u", "display_name"), String.class);
    private static final Field<UUID> ORG_UNIT_ID = field(name("u", "org_unit_id"), UUID.class);
    private static final Field<UUID> MANAGER_ID = field(name("u", "manager_id"), UUID.class);
    private static final Field<String> PHONE = field(name("u", "phone"), String.class);
    private static final Field<String> EMAIL = field(name("u", "email"), String.class);
    private static final Field<String> STATUS = field(name("u", "status"), String.class);
    private static final Field<String> LOCALE = field(name("u", "locale"), String.class);
    private static final Field<Long> VERSION = field(name("u", "version"), Long.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("u", "created_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("u", "updated_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> LAST_LOGIN_AT = field(name("u", "last_login_at"), OffsetDateTime.class);
    private static final Field<UUID> UR_USER = field(name("ur", "user_id"), UUID.class);
    private static final Field<UUID> UR_ROLE = field(name("ur", "role_id"), UUID.class);
    private static final Field<UUID> R_ID = field(name("r", "id"), UUID.class);
    private static final Field<String> R_API_NAME = field(name("r", "api_name"), String.class);

    // unqualified columns for writes
    private static final Field<UUID> W_ID = field(name("id"), UUID.class);
    private static final Field<String> W_USERNAME = field(name("username"), String.class);
    private static final Field<String> W_DISPLAY_NAME = field(name("display_name"), String.class);
    private static final Field<String> W_PASSWORD_HASH = field(name("password_hash"), String.class);
    private static final Field<UUID> W_ORG_UNIT_ID = field(name("org_unit_id"), UUID.class);
    private static final Field<UUID> W_MANAGER_ID = field(name("manager_id"), UUID.class);
    private static final Field<String> W_PHONE = field(name("phone"), String.class);
    private static final Field<String> W_EMAIL = field(name("email"), String.class);
    private static final Field<String> W_STATUS = field(name("status"), String.class);
    private static final Field<String> W_LOCALE = field(name("locale"), String.class);
    private static final Field<Long> W_VERSION = field(name("version"), Long.class);
    private static final Field<OffsetDateTime> W_UPDATED_AT = field(name("updated_at"), OffsetDateTime.class);
    private static final Field<UUID> W_CREATED_BY = field(name("created_by"), UUID.class);
    private static final Field<UUID> W_USER_ID = field(name("user_id"), UUID.class);
    private static final Field<UUID> W_ROLE_ID = field(name("role_id"), UUID.class);

    public List<UserAccount> find(
            DSLContext dsl, Tenant tenant, UserFilter filter, Condition scope, String afterUsername, int limit) {
        List<Condition> where = conditions(filter, scope);
        if (afterUsername != null) {
            where.add(lower(USERNAME).gt(afterUsername));
        }
        return select(dsl, tenant)
                .where(where)
                .orderBy(lower(USERNAME))
                .limit(limit)
                .fetch(this::toAccount);
    }

    public int count(DSLContext dsl, Tenant tenant, UserFilter filter, Condition scope) {
        return dsl.fetchCount(tenant.table("app_user").as("u"), conditions(filter, scope));
    }

    private static List<Condition> conditions(UserFilter filter, Condition scope) {
        List<Condition> where = new ArrayList<>();
        where.add(scope);
        if (filter.query() != null) {
            String like = "%"
                    + filter.query()
                            .toLowerCase(Locale.ROOT)
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_")
                    + "%";
            where.add(lower(USERNAME)
                    .like(like, '\\')
                    .or(lower(DISPLAY_NAME).like(like, '\\'))
                    .or(PHONE.like(like, '\\'))
                    .or(lower(EMAIL).like(like, '\\')));
        }
        if (filter.status() != null) {
            where.add(STATUS.eq(filter.status()));
        }
        if (filter.orgUnitId() != null) {
            where.add(ORG_UNIT_ID.eq(filter.orgUnitId()));
        }
        return where;
    }

    public Optional<UserAccount> find(DSLContext dsl, Tenant tenant, UUID id, Condition scope) {
        return select(dsl, tenant).where(ID.eq(id)).and(scope).fetchOptional(this::toAccount);
    }

    public Optional<UserAccount> findByUsername(DSLContext dsl, Tenant tenant, String username) {
        return select(dsl, tenant)
                .where(lower(USERNAME).eq(username.toLowerCase(Locale.ROOT)))
                .fetchOptional(this::toAccount);
    }

    public boolean usernameTaken(DSLContext dsl, Tenant tenant, String username, UUID except) {
        return dsl.fetchExists(selectOne()
                .from(tenant.table("app_user").as("u"))
                .where(lower(USERNAME).eq(username.toLowerCase(Locale.ROOT)))
                .and(except == null ? trueCondition() : ID.ne(except)));
    }

    /** Whether {@code candidate} is {@code userId} or reports to it, directly or not. */
    public boolean isInTeamOf(DSLContext dsl, Tenant tenant, UUID userId, UUID candidate) {
        return Boolean.TRUE.equals(dsl.resultQuery(
                        "with recursive team(id) as (select {0}::uuid union"
                                + " select x.id from {1} x join team t on x.manager_id = t.id)"
                                + " select exists (select 1 from team where id = {2})",
                        val(userId), tenant.table("app_user"), val(candidate))
                .fetchOne(0, Boolean.class));
    }

    public void insert(DSLContext dsl, Tenant tenant, UserAccount user, String passwordHash, UUID createdBy) {
        dsl.insertInto(tenant.table("app_user"))
                .set(W_ID, user.id())
                .set(W_USERNAME, user.username())
                .set(W_DISPLAY_NAME, user.displayName())
                .set(W_PASSWORD_HASH, passwordHash)
                .set(W_ORG_UNIT_ID, user.orgUnitId())
                .set(W_MANAGER_ID, user.managerId())
                .set(W_PHONE, user.phone())
                .set(W_EMAIL, user.email())
                .set(W_STATUS, user.status())
                .set(W_LOCALE, user.locale())
                .set(W_CREATED_BY, createdBy)
                .execute();
    }

    /** Writes the profile fields; false when the version no longer matches. */
    public boolean update(DSLContext dsl, Tenant tenant, UserAccount user, long expectedVersion) {
        return dsl.update(tenant.table("app_user"))
                        .set(W_USERNAME, user.username())
                        .set(W_DISPLAY_NAME, user.displayName())
                        .set(W_ORG_UNIT_ID, user.orgUnitId())
                        .set(W_MANAGER_ID, user.managerId())
                        .set(W_PHONE, user.phone())
                        .set(W_EMAIL, user.email())
                        .set(W_STATUS, user.status())
                        .set(W_LOCALE, user.locale())
                        .set(W_VERSION, W_VERSION.plus(1))
                        .set(W_UPDATED_AT, currentOffsetDateTime())
                        .where(W_ID.eq(user.id()))
                        .and(W_VERSION.eq(expectedVersion))
                        .execute()
                == 1;
    }

    public void setPasswordHash(DSLContext dsl, Tenant tenant, UUID userId, String hash) {
        dsl.update(tenant.table("app_user"))
                .set(W_PASSWORD_HASH, hash)
                .set(field(name("password_changed_at"), OffsetDateTime.class), currentOffsetDateTime())
                .where(W_ID.eq(userId))
                .execute();
    }

    public void replaceRoles(DSLContext dsl, Tenant tenant, UUID userId, Collection<UUID> roleIds) {
        dsl.deleteFrom(tenant.table("user_role")).where(W_USER_ID.eq(userId)).execute();
        for (UUID roleId : roleIds) {
            dsl.insertInto(tenant.table("user_role"))
                    .set(W_USER_ID, userId)
                    .set(W_ROLE_ID, roleId)
                    .execute();
        }
    }

    public Optional<String> passwordHash(DSLContext dsl, Tenant tenant, UUID userId) {
        return dsl.select(W_PASSWORD_HASH)
                .from(tenant.table("app_user"))
                .where(W_ID.eq(userId))
                .fetchOptional(W_PASSWORD_HASH);
    }

    public int countActiveWithRole(DSLContext dsl, Tenant tenant, String roleApiName) {
        return dsl.fetchCount(selectOne()
                .from(tenant.table("app_user").as("u"))
                .join(tenant.table("user_role").as("ur"))
                .on(UR_USER.eq(ID))
                .join(tenant.table("role").as("r"))
                .on(R_ID.eq(UR_ROLE))
                .where(R_API_NAME.eq(roleApiName))
                .and(STATUS.eq(UserAccount.ACTIVE)));
    }

    public int count(DSLContext dsl, Tenant tenant) {
        return dsl.fetchCount(tenant.table("app_user"));
    }

    private SelectJoinStep<? extends Record> select(DSLContext dsl, Tenant tenant) {
        Table<Record> users = tenant.table("app_user").as("u");
        Field<String[]> roles = array(DSL.select(R_API_NAME)
                        .from(tenant.table("user_role").as("ur"))
                        .join(tenant.table("role").as("r"))
                        .on(R_ID.eq(UR_ROLE))
                        .where(UR_USER.eq(ID))
                        .orderBy(R_API_NAME))
                .as("roles");
        return dsl.select(
                        ID,
                        USERNAME,
                        DISPLAY_NAME,
                        ORG_UNIT_ID,
                        MANAGER_ID,
                        PHONE,
                        EMAIL,
                        STATUS,
                        LOCALE,
                        roles,
                        VERSION,
                        CREATED_AT,
                        UPDATED_AT,
                        LAST_LOGIN_AT)
                .from(users);
    }

    private UserAccount toAccount(Record r) {
        return new UserAccount(
                r.get(ID),
                r.get(USERNAME),
                r.get(DISPLAY_NAME),
                r.get(ORG_UNIT_ID),
                r.get(MANAGER_ID),
                r.get(PHONE),
                r.get(EMAIL),
                r.get(STATUS),
                r.get(LOCALE),
                List.of((String[]) r.get("roles")),
                r.get(VERSION),
                r.get(CREATED_AT),
                r.get(UPDATED_AT),
                r.get(LAST_LOGIN_AT));
    }
}
