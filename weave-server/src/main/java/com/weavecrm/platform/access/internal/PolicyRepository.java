package com.weavecrm.platform.access.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.DataScope;
import com.weavecrm.platform.access.FieldAccess;
import com.weavecrm.platform.access.FieldRule;
import com.weavecrm.platform.access.Grant;
import com.weavecrm.platform.tenancy.Tenant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Reads the grants and field rules of a user's roles. */
@Repository
public class PolicyRepository {

    private static final Field<UUID> ROLE_ID = field(name("role_id"), UUID.class);
    private static final Field<UUID> USER_ID = field(name("user_id"), UUID.class);
    private static final Field<String> OBJECT = field(name("object"), String.class);
    private static final Field<String> ACTION = field(name("action"), String.class);
    private static final Field<String> SCOPE = field(name("scope"), String.class);
    private static final Field<String> FIELD = field(name("field"), String.class);
    private static final Field<String> ACCESS = field(name("access"), String.class);

    /** Grants per role of the user; every role of the user has an entry, possibly empty. */
    public Map<UUID, List<Grant>> grantsByRole(DSLContext dsl, Tenant tenant, UUID userId) {
        Map<UUID, List<Grant>> result = new HashMap<>();
        dsl.select(ROLE_ID)
                .from(tenant.table("user_role"))
                .where(USER_ID.eq(userId))
                .forEach(r -> result.put(r.get(ROLE_ID), new ArrayList<>()));
        dsl.select(ROLE_ID, OBJECT, ACTION, SCOPE)
                .from(tenant.table("role_permission"))
                .where(ROLE_ID.in(result.keySet()))
                .forEach(r -> result.get(r.get(ROLE_ID))
                        .add(new Grant(
                                r.get(OBJECT),
                                Action.parse(r.get(ACTION)).orElseThrow(),
                                DataScope.parse(r.get(SCOPE)).orElseThrow())));
        return result;
    }

    /** Evaluates a condition that refers to no table (e.g. a scope condition on a given owner). */
    public boolean holds(DSLContext dsl, Condition condition) {
        return Boolean.TRUE.equals(dsl.fetchValue(DSL.select(DSL.field(condition))));
    }

    public Map<UUID, List<FieldRule>> fieldRulesByRole(DSLContext dsl, Tenant tenant, Iterable<UUID> roleIds) {
        Map<UUID, List<FieldRule>> result = new HashMap<>();
        List<UUID> ids = new ArrayList<>();
        roleIds.forEach(ids::add);
        dsl.select(ROLE_ID, OBJECT, FIELD, ACCESS)
                .from(tenant.table("role_field_access"))
                .where(ROLE_ID.in(ids))
                .forEach(r -> result.computeIfAbsent(r.get(ROLE_ID), k -> new ArrayList<>())
                        .add(new FieldRule(
                                r.get(OBJECT),
                                r.get(FIELD),
                                FieldAccess.parse(r.get(ACCESS)).orElseThrow())));
        return result;
    }
}
