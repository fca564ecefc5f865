package com.weavecrm.platform.organisation;

import static org.jooq.impl.DSL.trueCondition;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.DataScope;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.audit.AuditLog;
import com.weavecrm.platform.audit.FieldChange;
import com.weavecrm.platform.organisation.internal.OrgUnitRepository;
import com.weavecrm.platform.organisation.internal.UserRepository;
import com.weavecrm.platform.security.PasswordHasher;
import com.weavecrm.platform.security.TokenService;
import com.weavecrm.platform.tenancy.TenantChanged;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.Cursors;
import com.weavecrm.platform.web.FieldError;
import com.weavecrm.platform.web.JsonInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Users of a tenant. A user's data scope on {@code user} is judged by the user itself: own (myself),
 * team (me and my reports), unit (people of my unit and below), all. A user whose status becomes
 * {@code left} loses every session and token at once.
 */
@Service
public class UserService {

    public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    static final Pattern PHONE = Pattern.compile("[+0-9 ()\\-]{3,32}");
    static final Pattern LOCALE = Pattern.compile("zh-CN|en");
    private static final Pattern STATUS = Pattern.compile("active|left");
    private static final Set<String> FIELDS = Set.of(
            "username",
            "displayName",
            "password",
            "orgUnitId",
            "roles",
            "managerId",
            "phone",
            "email",
            "status",
            "locale");

    private final TenantTx tx;
    private final PermissionService permissions;
    private final UserRepository users;
    private final OrgUnitRepository units;
    private final RoleLookup roles;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    public UserService(
            TenantTx tx,
            PermissionService permissions,
            UserRepository users,
            OrgUnitRepository units,
            RoleLookup roles,
            PasswordHasher hasher,
            TokenService tokens,
            AuditLog audit,
            ApplicationEventPublisher events) {
        this.tx = tx;
        this.permissions = permissions;
        this.users = users;
        this.units = units;
        this.roles = roles;
        this.hasher = hasher;
        this.tokens = tokens;
        this.audit = audit;
        this.events = events;
    }

    /** A page of users sorted by username, and the username to continue after (null at the end). */
    public record Page(List<UserAccount> data, String nextCursor) {}

    public Page list(TenantContext ctx, UserFilter filter, String cursor, int limit) {
        permissions.require(ctx, ObjectNames.USER, Action.READ);
        return tx.call(ctx, dsl -> {
            List<UserAccount> rows =
                    users.find(dsl, ctx.tenant(), filter, scope(ctx, Action.READ), Cursors.decode(cursor), limit + 1);
            String next = rows.size() > limit
                    ? Cursors.encode(rows.get(limit - 1).username().toLowerCase())
                    : null;
            return new Page(rows.size() > limit ? rows.subList(0, limit) : rows, next);
        });
    }

    /** How many users within the caller's scope match {@code filter}. */
    public int count(TenantContext ctx, UserFilter filter) {
        permissions.require(ctx, ObjectNames.USER, Action.READ);
        return tx.call(ctx, dsl -> users.count(dsl, ctx.tenant(), filter, scope(ctx, Action.READ)));
    }

    public UserAccount get(TenantContext ctx, UUID id) {
        permissions.require(ctx, ObjectNames.USER, Action.READ);
        return tx.call(ctx, dsl -> users.find(dsl, ctx.tenant(), id, scope(ctx, Action.READ)))
                .orElseThrow(ApiException::notFound);
    }

    public UserAccount create(TenantContext ctx, JsonNode body) {
        DataScope scope = permissions.require(ctx, ObjectNames.USER, Action.CREATE);
        JsonInput in = JsonInput.of(body, FIELDS);
        String username = in.requiredMatching("username", 64, USERNAME);
        String displayName = in.requiredText("displayName", 100);
        String password = in.requiredPassword("password");
        Optional<UUID> orgUnitId = in.optionalUuid("orgUnitId");
        Optional<UUID> managerId = in.optionalUuid("managerId");
        List<String> roleNames = in.stringList("roles", 20, 41);
        String phone = in.optionalMatching("phone", 32, PHONE).orElse(null);
        String email = in.optionalMatching("email", 254, EMAIL).orElse(null);
        String status = in.optionalMatching("status", 6, STATUS).orElse(UserAccount.ACTIVE);
        String locale = in.optionalMatching("locale", 5, LOCALE).orElse("zh-CN");
        String hash = in.hasErrors() || password == null ? null : hasher.hash(password);
        return tx.call(ctx, dsl -> {
            OrgUnit unit = resolveUnit(dsl, ctx, in, orgUnitId);
            checkManager(dsl, ctx, in, managerId, null);
            Map<String, UUID> roleIds = roles.resolve(dsl, ctx, in, roleNames);
            in.finish();
            requireInScope(dsl, ctx, scope, unit, managerId.orElse(null));
            if (users.usernameTaken(dsl, ctx.tenant(), username, null)) {
                throw ApiException.duplicate("username");
            }
            UserAccount user = new UserAccount(
                    UUID.randomUUID(),
                    username,
                    displayName,
                    unit.id(),
                    managerId.orElse(null),
                    phone,
                    email,
                    status,
                    locale,
                    List.copyOf(roleIds.keySet()),
                    1,
                    null,
                    null,
                    null);
            users.insert(dsl, ctx.tenant(), user, hash, ctx.userId());
            users.replaceRoles(dsl, ctx.tenant(), user.id(), roleIds.values());
            List<FieldChange> changes = new ArrayList<>(FieldChange.created(values(user)));
            changes.add(new FieldChange("password", null, FieldChange.REDACTED));
            audit.record(dsl, ctx, AuditAction.CREATE, ObjectNames.USER, user.id(), changes);
            if (!roleIds.isEmpty()) {
                permissions.permissionsChanged(dsl, ctx);
                audit.record(
                        dsl,
                        ctx,
                        AuditAction.PERMISSION_CHANGE,
                        ObjectNames.USER,
                        user.id(),
                        List.of(new FieldChange("roles", List.of(), user.roles())),
                        "roles of " + username);
            }
            return users.find(dsl, ctx.tenant(), user.id(), trueCondition()).orElseThrow();
        });
    }

    public UserAccount update(TenantContext ctx, UUID id, JsonNode body, String ifMatch) {
        DataScope scope = permissions.require(ctx, ObjectNames.USER, Action.UPDATE);
        JsonInput in = JsonInput.of(body, FIELDS);
        Optional<String> username = in.optionalMatching("username", 64, USERNAME);
        Optional<String> displayName = in.optionalText("displayName", 100);
        Optional<String> password = in.optionalPassword("password");
        Optional<UUID> orgUnitId = in.optionalUuid("orgUnitId");
        Optional<UUID> managerId = in.optionalUuid("managerId");
        List<String> roleNames = in.stringList("roles", 20, 41);
        Optional<String> phone = in.optionalMatching("phone", 32, PHONE);
        Optional<String> email = in.optionalMatching("email", 254, EMAIL);
        Optional<String> status = in.optionalMatching("status", 6, STATUS);
        Optional<String> locale = in.optionalMatching("locale", 5, LOCALE);
        String hash = in.hasErrors() ? null : password.map(hasher::hash).orElse(null);
        return tx.call(ctx, dsl -> {
            UserAccount user =
                    users.find(dsl, ctx.tenant(), id, scope(ctx, Action.UPDATE)).orElseThrow(ApiException::notFound);
            long expected = Versions.expected(ifMatch, user.version());
            OrgUnit unit = orgUnitId.isPresent() ? resolveUnit(dsl, ctx, in, orgUnitId) : null;
            if (managerId.isPresent()) {
                checkManager(dsl, ctx, in, managerId, id);
            }
            Map<String, UUID> roleIds = in.has("roles") ? roles.resolve(dsl, ctx, in, roleNames) : null;
            in.finish();
            if (unit != null || managerId.isPresent()) {
                requireInScope(
                        dsl,
                        ctx,
                        scope,
                        unit != null
                                ? unit
                                : units.find(dsl, ctx.tenant(), user.orgUnitId(), trueCondition())
                                        .orElseThrow(),
                        managerId.orElse(user.managerId()));
            }
            String newUsername = username.orElse(user.username());
            if (!newUsername.equalsIgnoreCase(user.username())
                    && users.usernameTaken(dsl, ctx.tenant(), newUsername, id)) {
                throw ApiException.duplicate("username");
            }
            UserAccount changed = new UserAccount(
                    id,
                    newUsername,
                    displayName.orElse(user.displayName()),
                    unit != null ? unit.id() : user.orgUnitId(),
                    in.has("managerId") ? managerId.orElse(null) : user.managerId(),
                    in.has("phone") ? phone.orElse(null) : user.phone(),
                    in.has("email") ? email.orElse(null) : user.email(),
                    status.orElse(user.status()),
                    locale.orElse(user.locale()),
                    roleIds != null ? List.copyOf(roleIds.keySet()) : user.roles(),
                    user.version(),
                    user.createdAt(),
                    user.updatedAt(),
                    user.lastLoginAt());
            if (!users.update(dsl, ctx.tenant(), changed, expected)) {
                throw ApiException.staleVersion();
            }
            List<FieldChange> changes = new ArrayList<>(FieldChange.diff(values(user), values(changed)));
            if (roleIds != null && !Set.copyOf(user.roles()).equals(roleIds.keySet())) {
                users.replaceRoles(dsl, ctx.tenant(), id, roleIds.values());
                permissions.permissionsChanged(dsl, ctx);
                audit.record(
                        dsl,
                        ctx,
                        AuditAction.PERMISSION_CHANGE,
                        ObjectNames.USER,
                        id,
                        List.of(new FieldChange("roles", user.roles(), changed.roles())),
                        "roles of " + newUsername);
            }
            if (hash != null) {
                users.setPasswordHash(dsl, ctx.tenant(), id, hash);
                changes.add(new FieldChange("password", FieldChange.REDACTED, FieldChange.REDACTED));
            }
            if (hash != null
                    || (UserAccount.LEFT.equals(changed.status()) && !UserAccount.LEFT.equals(user.status()))) {
                tokens.revokeAll(dsl, ctx, id);
            }
            roles.requireAnActiveAdmin(dsl, ctx);
            events.publishEvent(new TenantChanged(ctx.tenant().id(), id));
            audit.record(dsl, ctx, AuditAction.UPDATE, ObjectNames.USER, id, changes);
            return users.find(dsl, ctx.tenant(), id, trueCondition()).orElseThrow();
        });
    }

    /** Creates a tenant's first administrator, with no permission checks (tenant provisioning). */
    public UserAccount createAdministrator(
            DSLContext dsl, TenantContext ctx, String username, String passwordHash, OrgUnit root) {
        UserAccount admin = new UserAccount(
                UUID.randomUUID(),
                username,
                username,
                root.id(),
                null,
                null,
                null,
                UserAccount.ACTIVE,
                "zh-CN",
                List.of(RoleTemplates.TENANT_ADMIN),
                1,
                null,
                null,
                null);
        users.insert(dsl, ctx.tenant(), admin, passwordHash, null);
        users.replaceRoles(
                dsl,
                ctx.tenant(),
                admin.id(),
                roles.resolve(dsl, ctx, null, List.of(RoleTemplates.TENANT_ADMIN))
                        .values());
        audit.record(dsl, ctx, AuditAction.CREATE, ObjectNames.USER, admin.id(), FieldChange.created(values(admin)));
        return admin;
    }

    private OrgUnit resolveUnit(DSLContext dsl, TenantContext ctx, JsonInput in, Optional<UUID> orgUnitId) {
        if (orgUnitId.isPresent()) {
            Optional<OrgUnit> unit = units.find(dsl, ctx.tenant(), orgUnitId.get(), trueCondition());
            if (unit.isEmpty()) {
                in.error("orgUnitId", "not_found");
            }
            return unit.orElse(null);
        }
        if (!ctx.isSystem() && permissions.policy(ctx).scope(ObjectNames.USER, Action.CREATE) != DataScope.ALL) {
            UserAccount me =
                    users.find(dsl, ctx.tenant(), ctx.userId(), trueCondition()).orElseThrow();
            return units.find(dsl, ctx.tenant(), me.orgUnitId(), trueCondition())
                    .orElseThrow();
        }
        return units.findRoot(dsl, ctx.tenant()).orElseThrow();
    }

    private void checkManager(DSLContext dsl, TenantContext ctx, JsonInput in, Optional<UUID> managerId, UUID self) {
        if (managerId.isEmpty()) {
            return;
        }
        if (users.find(dsl, ctx.tenant(), managerId.get(), trueCondition()).isEmpty()) {
            in.error("managerId", "not_found");
        } else if (self != null && users.isInTeamOf(dsl, ctx.tenant(), self, managerId.get())) {
            in.error("managerId", "cycle");
        }
    }

    /** A user may place users only within their own scope: their unit subtree, or their team. */
    private void requireInScope(DSLContext dsl, TenantContext ctx, DataScope scope, OrgUnit unit, UUID managerId) {
        boolean allowed = switch (scope) {
            case ALL -> true;
            case UNIT -> {
                UserAccount me = users.find(dsl, ctx.tenant(), ctx.userId(), trueCondition())
                        .orElseThrow();
                OrgUnit mine = units.find(dsl, ctx.tenant(), me.orgUnitId(), trueCondition())
                        .orElseThrow();
                yield unit.path().startsWith(mine.path());
            }
            case TEAM -> managerId != null && users.isInTeamOf(dsl, ctx.tenant(), ctx.userId(), managerId);
            case OWN, NONE -> false;
        };
        if (!allowed) {
            throw ApiException.badRequest(List.of(FieldError.of("orgUnitId", "out_of_scope")));
        }
    }

    private Condition scope(TenantContext ctx, Action action) {
        return permissions.scope(ctx, ObjectNames.USER, action, UserRepository.ID);
    }

    static Map<String, Object> values(UserAccount user) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("username", user.username());
        values.put("displayName", user.displayName());
        values.put(
                "orgUnitId", user.orgUnitId() == null ? null : user.orgUnitId().toString());
        values.put(
                "managerId", user.managerId() == null ? null : user.managerId().toString());
        values.put("phone", user.phone());
        values.put("email", user.email());
        values.put("status", user.status());
        values.put("locale", user.locale());
        return values;
    }
}
