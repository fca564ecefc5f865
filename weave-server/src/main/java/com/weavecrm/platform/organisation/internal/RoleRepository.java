package com.weavecrm.platform.organisation.internal;

import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.weavecrm.platform.organisation.Role;
import com.weavecrm.platform.organisation.RoleFieldAccess;
import com.weavecrm.platform.organisation.RolePermission;
import com.weavecrm.platform.tenancy.Tenant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL of roles with their permissions and field rules. */
@Repository
public class RoleRepository {

    private static final Field<UUID> ID = field(name("id"), UUID.class);
    private static final Field<String> API_NAME = field(name("api_name"), String.class);
    private static final Field<JSONB> LABEL = field(name("label"), JSONB.class);
    private static final Field<String> DESCRIPTION = field(name("description"), String.class);
    private static final Field<Boolean> BUILTIN = field(name("builtin"), Boolean.class);
    private static final Field<Boolean> LOCKED = field(name("locked"), Boolean.class);
    private static final Field<Long> VERSION = field(name("version"), Long.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"), OffsetDateTime.class);
    private static final Field<UUID> ROLE_ID = field(name("role_id"), UUID.class);
    private static final Field<String> OBJECT = field(name("object"), String.class);
    private static final Field<String> ACTION = field(name("action"), String.class);
    private static final Field<String> SCOPE = field(name("scope"), String.class);
    private static final Field<String> FIELD = field(name("field"), String.class);
    private static final Field<String> ACCESS = field(name("access"), String.class);

    private static final TypeReference<Map<String, String>> LABEL_TYPE = new TypeReference<>() {};

    private final JsonMapper json;

    public RoleRepository(JsonMapper json) {
        this.json = json;
    }

    public List<Role> findAll(DSLContext dsl, Tenant tenant) {
        List<Record> roles = dsl
                .select(ID, API_NAME, LABEL, DESCRIPTION, BUILTIN, LOCKED, VERSION, CREATED_AT, UPDATED_AT)
                .from(tenant.table("role"))
                .orderBy(BUILTIN.desc(), API_NAME)
                .fetch()
                .stream()
                .map(r -> (Record) r)
                .toList();
        Map<UUID, List<RolePermission>> permissions = permissions(dsl, tenant);
        Map<UUID, List<RoleFieldAccess>> fieldAccess = fieldAccess(dsl, tenant);
        return roles.stream()
                .map(r -> toRole(
                        r,
                        permissions.getOrDefault(r.get(ID), List.of()),
                        fieldAccess.getOrDefault(r.get(ID), List.of())))
                .toList();
    }

    public Optional<Role> findByApiName(DSLContext dsl, Tenant tenant, String apiName) {
        return findAll(dsl, tenant).stream()
                .filter(r -> r.apiName().equals(apiName))
                .findFirst();
    }

    /** Role ids by api name, for the names that exist. */
    public Map<String, UUID> idsByApiName(DSLContext dsl, Tenant tenant, Collection<String> apiNames) {
        Map<String, UUID> ids = new HashMap<>();
        dsl.select(API_NAME, ID)
                .from(tenant.table("role"))
                .where(API_NAME.in(apiNames))
                .forEach(r -> ids.put(r.get(API_NAME), r.get(ID)));
        return ids;
    }

    public void insert(DSLContext dsl, Tenant tenant, Role role) {
        dsl.insertInto(tenant.table("role"))
                .set(ID, role.id())
                .set(API_NAME, role.apiName())
                .set(LABEL, JSONB.valueOf(json.writeValueAsString(role.label())))
                .set(DESCRIPTION, role.description())
                .set(BUILTIN, role.builtin())
                .set(LOCKED, role.locked())
                .execute();
        writeRules(dsl, tenant, role);
    }

    /** Replaces label, description, permissions and field rules; false when the version moved on. */
    public boolean update(DSLContext dsl, Tenant tenant, Role role, long expectedVersion) {
        int updated = dsl.update(tenant.table("role"))
                .set(LABEL, JSONB.valueOf(json.writeValueAsString(role.label())))
                .set(DESCRIPTION, role.description())
                .set(VERSION, VERSION.plus(1))
                .set(UPDATED_AT, currentOffsetDateTime())
                .where(ID.eq(role.id()))
                .and(VERSION.eq(expectedVersion))
                .execute();
        if (updated != 1) {
            return false;
        }
        dsl.deleteFrom(tenant.table("role_permission"))
                .where(ROLE_ID.eq(role.id()))
                .execute();
        dsl.deleteFrom(tenant.table("role_field_access"))
                .where(ROLE_ID.eq(role.id()))
                .execute();
        writeRules(dsl, tenant, role);
        return true;
    }

    public void delete(DSLContext dsl, Tenant tenant, UUID id) {
        dsl.deleteFrom(tenant.table("role")).where(ID.eq(id)).execute();
    }

    private void writeRules(DSLContext dsl, Tenant tenant, Role role) {
        for (RolePermission permission : role.permissions()) {
            for (String action : permission.actions()) {
                dsl.insertInto(tenant.table("role_permission"))
                        .set(ROLE_ID, role.id())
                        .set(OBJECT, permission.object())
                        .set(ACTION, action)
                        .set(SCOPE, permission.scope())
                        .execute();
            }
        }
        for (RoleFieldAccess rule : role.fieldAccess()) {
            dsl.insertInto(tenant.table("role_field_access"))
                    .set(ROLE_ID, role.id())
                    .set(OBJECT, rule.object())
                    .set(FIELD, rule.field())
                    .set(ACCESS, rule.access())
                    .execute();
        }
    }

    /** Permissions per role, actions of the same object and scope grouped as the API shows them. */
    private Map<UUID, List<RolePermission>> permissions(DSLContext dsl, Tenant tenant) {
        Map<UUID, Map<String, List<String>>> grouped = new HashMap<>();
        dsl.select(ROLE_ID, OBJECT, ACTION, SCOPE)
                .from(tenant.table("role_permission"))
                .orderBy(ROLE_ID, OBJECT, SCOPE, ACTION)
                .forEach(r -> grouped.computeIfAbsent(r.get(ROLE_ID), k -> new LinkedHashMap<>())
                        .computeIfAbsent(r.get(OBJECT) + "\u0000" + r.get(SCOPE), k -> new ArrayList<>())
                        .add(r.get(ACTION)));
        Map<UUID, List<RolePermission>> result = new HashMap<>();
        grouped.forEach((roleId, byObjectScope) -> result.put(
                roleId,
                byObjectScope.entrySet().stream()
                        .map(e -> {
                            String[] key = e.getKey().split("\u0000");
                            return new RolePermission(key[0], e.getValue(), key[1]);
                        })
                        .toList()));
        return result;
    }

    private Map<UUID, List<RoleFieldAccess>> fieldAccess(DSLContext dsl, Tenant tenant) {
        Map<UUID, List<RoleFieldAccess>> result = new HashMap<>();
        dsl.select(ROLE_ID, OBJECT, FIELD, ACCESS)
                .from(tenant.table("role_field_access"))
                .orderBy(ROLE_ID, OBJECT, FIELD)
                .forEach(r -> result.computeIfAbsent(r.get(ROLE_ID), k -> new ArrayList<>())
                        .add(new RoleFieldAccess(r.get(OBJECT), r.get(FIELD), r.get(ACCESS))));
        return result;
    }

    private Role toRole(Record r, List<RolePermission> permissions, List<RoleFieldAccess> fieldAccess) {
        return new Role(
                r.get(ID),
                r.get(API_NAME),
                json.readValue(r.get(LABEL).data(), LABEL_TYPE),
                r.get(DESCRIPTION),
                r.get(BUILTIN),
                r.get(LOCKED),
                permissions,
                fieldAccess,
                r.get(VERSION),
                r.get(CREATED_AT),
                r.get(UPDATED_AT));
    }
}
