package com.weavecrm.platform.access.internal;

import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.trueCondition;
import static org.jooq.impl.DSL.val;

import com.weavecrm.platform.access.DataScope;
import com.weavecrm.platform.tenancy.Tenant;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;

/**
 * Data scopes as SQL. The team and unit sets are computed by the database inside the same query, so
 * a change of manager or org unit takes effect at once and nothing is loaded into memory.
 */
public final class ScopeConditions {

    private ScopeConditions() {}

    public static Condition of(Tenant tenant, DataScope scope, UUID userId, Field<UUID> owner) {
        return switch (scope) {
            case NONE -> falseCondition();
            case ALL -> trueCondition();
            case OWN -> owner.eq(userId);
            case TEAM ->
                condition(
                        "{0} in (with recursive team(id) as (select {1}::uuid union"
                                + " select u.id from {2} u join team t on u.manager_id = t.id) select id from team)",
                        owner, val(userId), tenant.table("app_user"));
            case UNIT ->
                condition(
                        "{0} in (select u.id from {1} u join {2} o on o.id = u.org_unit_id"
                                + " where starts_with(o.path, (select mine.path from {2} mine join {1} me"
                                + " on me.org_unit_id = mine.id where me.id = {3})))",
                        owner, tenant.table("app_user"), tenant.table("org_unit"), val(userId));
        };
    }

    /** Org units within the scope of a user: for unit scope, the user's unit and every unit below. */
    public static Condition unitsOf(Tenant tenant, DataScope scope, UUID userId, Field<String> unitPath) {
        return switch (scope) {
            case NONE, OWN, TEAM ->
                condition(
                        "{0} = (select mine.path from {1} mine join {2} me on me.org_unit_id = mine.id where me.id = {3})",
                        unitPath, tenant.table("org_unit"), tenant.table("app_user"), val(userId));
            case UNIT ->
                condition(
                        "starts_with({0}, (select mine.path from {1} mine join {2} me"
                                + " on me.org_unit_id = mine.id where me.id = {3}))",
                        unitPath, tenant.table("org_unit"), tenant.table("app_user"), val(userId));
            case ALL -> trueCondition();
        };
    }
}
