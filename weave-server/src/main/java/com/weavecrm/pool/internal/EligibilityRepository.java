package com.weavecrm.pool.internal;

import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.selectOne;

import com.weavecrm.platform.tenancy.Tenant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

/** SQL deciding who may claim from a pool: roles held and org units (with the units below them). */
@Repository
public class EligibilityRepository {

    private static final Field<UUID> ID = field(name("id"), UUID.class);
    private static final Field<String> API_NAME = field(name("api_name"), String.class);

    /** Whether the user holds one of {@code roles} or sits in one of {@code units} or a unit below one. */
    public boolean eligible(DSLContext dsl, Tenant tenant, UUID userId, List<String> roles, List<UUID> units) {
        Condition byRole = roles.isEmpty()
                ? falseCondition()
                : exists(selectOne()
                        .from(tenant.table("user_role").as("ur"))
                        .join(tenant.table("role").as("ro"))
                        .on(field(name("ro", "id"), UUID.class).eq(field(name("ur", "role_id"), UUID.class)))
                        .where(field(name("ur", "user_id"), UUID.class).eq(userId))
                        .and(field(name("ro", "api_name"), String.class).in(roles)));
        Condition byUnit = units.isEmpty()
                ? falseCondition()
                : exists(selectOne()
                        .from(tenant.table("app_user").as("u"))
                        .join(tenant.table("org_unit").as("mine"))
                        .on(field(name("mine", "id"), UUID.class).eq(field(name("u", "org_unit_id"), UUID.class)))
                        .join(tenant.table("org_unit").as("p"))
                        .on(org.jooq.impl.DSL.condition(
                                "starts_with({0}, {1})",
                                field(name("mine", "path"), String.class), field(name("p", "path"), String.class)))
                        .where(field(name("u", "id"), UUID.class).eq(userId))
                        .and(field(name("p", "id"), UUID.class).in(units)));
        return Boolean.TRUE.equals(dsl.fetchValue(org.jooq.impl.DSL.select(field(byRole.or(byUnit)))));
    }

    /** Those of {@code names} that name no role of the tenant. */
    public Set<String> unknownRoles(DSLContext dsl, Tenant tenant, Collection<String> names) {
        Set<String> unknown = new LinkedHashSet<>(names);
        if (!names.isEmpty()) {
            unknown.removeAll(dsl.select(API_NAME)
                    .from(tenant.table("role"))
                    .where(API_NAME.in(names))
                    .fetchSet(API_NAME));
        }
        return unknown;
    }

    /** Those of {@code ids} that name no org unit of the tenant. */
    public Set<UUID> unknownUnits(DSLContext dsl, Tenant tenant, Collection<UUID> ids) {
        Set<UUID> unknown = new LinkedHashSet<>(ids);
        if (!ids.isEmpty()) {
            unknown.removeAll(dsl.select(ID)
                    .from(tenant.table("org_unit"))
                    .where(ID.in(ids))
                    .fetchSet(ID));
        }
        return unknown;
    }
}
