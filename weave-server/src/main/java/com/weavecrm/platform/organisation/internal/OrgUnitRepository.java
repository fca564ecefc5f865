package com.weavecrm.platform.organisation.internal;

import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.length;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.substring;
import static org.jooq.impl.DSL.trueCondition;
import static org.jooq.impl.DSL.val;

import com.weavecrm.platform.organisation.OrgUnit;
import com.weavecrm.platform.tenancy.Tenant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** SQL of the org-unit tree ({@code org_unit}). */
@Repository
public class OrgUnitRepository {

    public static final Field<String> PATH = field(name("path"), String.class);
    private static final Field<UUID> ID = field(name("id"), UUID.class);
    private static final Field<UUID> PARENT_ID = field(name("parent_id"), UUID.class);
    private static final Field<String> NAME = field(name("name"), String.class);
    private static final Field<String> KIND = field(name("kind"), String.class);
    private static final Field<Integer> DEPTH = field(name("depth"), Integer.class);
    private static final Field<Integer> SORT_ORDER = field(name("sort_order"), Integer.class);
    private static final Field<Long> VERSION = field(name("version"), Long.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"), OffsetDateTime.class);
    private static final Field<UUID> ORG_UNIT_ID = field(name("org_unit_id"), UUID.class);

    public List<OrgUnit> findAll(DSLContext dsl, Tenant tenant, Condition scope) {
        return dsl.select(ID, PARENT_ID, NAME, KIND, PATH, DEPTH, SORT_ORDER, VERSION, CREATED_AT, UPDATED_AT)
                .from(tenant.table("org_unit"))
                .where(scope)
                .orderBy(DEPTH, SORT_ORDER, NAME)
                .fetch(this::toUnit);
    }

    public Optional<OrgUnit> find(DSLContext dsl, Tenant tenant, UUID id, Condition scope) {
        return dsl.select(ID, PARENT_ID, NAME, KIND, PATH, DEPTH, SORT_ORDER, VERSION, CREATED_AT, UPDATED_AT)
                .from(tenant.table("org_unit"))
                .where(ID.eq(id))
                .and(scope)
                .fetchOptional(this::toUnit);
    }

    public Optional<OrgUnit> findRoot(DSLContext dsl, Tenant tenant) {
        return dsl.select(ID, PARENT_ID, NAME, KIND, PATH, DEPTH, SORT_ORDER, VERSION, CREATED_AT, UPDATED_AT)
                .from(tenant.table("org_unit"))
                .where(PARENT_ID.isNull())
                .fetchOptional(this::toUnit);
    }

    public boolean siblingNameTaken(DSLContext dsl, Tenant tenant, UUID parentId, String unitName, UUID except) {
        Condition sameParent = parentId == null ? PARENT_ID.isNull() : PARENT_ID.eq(parentId);
        return dsl.fetchExists(selectOne()
                .from(tenant.table("org_unit"))
                .where(sameParent)
                .and(lower(NAME).eq(unitName.toLowerCase(java.util.Locale.ROOT)))
                .and(except == null ? trueCondition() : ID.ne(except)));
    }

    public void insert(DSLContext dsl, Tenant tenant, OrgUnit unit) {
        dsl.insertInto(tenant.table("org_unit"))
                .set(ID, unit.id())
                .set(PARENT_ID, unit.parentId())
                .set(NAME, unit.name())
                .set(KIND, unit.kind())
                .set(PATH, unit.path())
                .set(DEPTH, unit.depth())
                .set(SORT_ORDER, unit.sortOrder())
                .execute();
    }

    /** Updates name, kind and order; false when the version no longer matches. */
    public boolean update(DSLContext dsl, Tenant tenant, OrgUnit unit, long expectedVersion) {
        return dsl.update(tenant.table("org_unit"))
                        .set(NAME, unit.name())
                        .set(KIND, unit.kind())
                        .set(SORT_ORDER, unit.sortOrder())
                        .set(VERSION, VERSION.plus(1))
                        .set(UPDATED_AT, currentOffsetDateTime())
                        .where(ID.eq(unit.id()))
                        .and(VERSION.eq(expectedVersion))
                        .execute()
                == 1;
    }

    /** Moves a unit and its whole subtree under a new parent in one statement. */
    public void moveSubtree(DSLContext dsl, Tenant tenant, OrgUnit unit, OrgUnit newParent) {
        String newPath = newParent.path() + unit.id() + "/";
        int depthDelta = newParent.depth() + 1 - unit.depth();
        dsl.update(tenant.table("org_unit"))
                .set(
                        PATH,
                        val(newPath)
                                .concat(substring(PATH, length(val(unit.path())).plus(1))))
                .set(DEPTH, DEPTH.plus(depthDelta))
                .set(UPDATED_AT, currentOffsetDateTime())
                .where(field("starts_with({0}, {1})", Boolean.class, PATH, val(unit.path()))
                        .isTrue())
                .execute();
        dsl.update(tenant.table("org_unit"))
                .set(PARENT_ID, newParent.id())
                .where(ID.eq(unit.id()))
                .execute();
    }

    public boolean hasChildrenOrUsers(DSLContext dsl, Tenant tenant, UUID id) {
        return dsl.fetchExists(selectOne().from(tenant.table("org_unit")).where(PARENT_ID.eq(id)))
                || dsl.fetchExists(selectOne().from(tenant.table("app_user")).where(ORG_UNIT_ID.eq(id)));
    }

    public void delete(DSLContext dsl, Tenant tenant, UUID id) {
        dsl.deleteFrom(tenant.table("org_unit")).where(ID.eq(id)).execute();
    }

    private OrgUnit toUnit(Record r) {
        return new OrgUnit(
                r.get(ID),
                r.get(PARENT_ID),
                r.get(NAME),
                r.get(KIND),
                r.get(PATH),
                r.get(DEPTH),
                r.get(SORT_ORDER),
                r.get(VERSION),
                r.get(CREATED_AT),
                r.get(UPDATED_AT));
    }
}
