package com.weavecrm.platform.records.internal;

import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.val;

import com.weavecrm.platform.records.ListView;
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

/** SQL of saved list views. */
@Repository
public class ListViewRepository {

    private static final Field<UUID> ID = field(name("id"), UUID.class);
    private static final Field<String> OBJECT = field(name("object"), String.class);
    private static final Field<String> NAME = field(name("name"), String.class);
    private static final Field<UUID> OWNER_ID = field(name("owner_id"), UUID.class);
    private static final Field<String> VISIBILITY = field(name("visibility"), String.class);
    private static final Field<String> ROLE = field(name("role_api_name"), String.class);
    private static final Field<UUID> ORG_UNIT_ID = field(name("org_unit_id"), UUID.class);
    private static final Field<String> FILTER = field(name("filter"), String.class);
    private static final Field<String> SORT = field(name("sort"), String.class);
    private static final Field<String> FIELDS = field(name("fields"), String.class);
    private static final Field<String> KANBAN = field(name("kanban_field"), String.class);
    private static final Field<Long> VERSION = field(name("version"), Long.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"), OffsetDateTime.class);
    private static final List<Field<?>> COLUMNS = List.of(
            ID,
            OBJECT,
            NAME,
            OWNER_ID,
            VISIBILITY,
            ROLE,
            ORG_UNIT_ID,
            FILTER,
            SORT,
            FIELDS,
            KANBAN,
            VERSION,
            CREATED_AT,
            UPDATED_AT);

    /** Views of {@code object} the user sees: their own, their roles', their unit's (or above), everyone's. */
    public List<ListView> visibleTo(DSLContext dsl, Tenant tenant, String object, UUID userId) {
        Condition sharedWithRole = VISIBILITY
                .eq("role")
                .and(ROLE.in(dsl.select(field(name("r", "api_name"), String.class))
                        .from(tenant.table("user_role").as("ur"))
                        .join(tenant.table("role").as("r"))
                        .on(field(name("r", "id")).eq(field(name("ur", "role_id"))))
                        .where(field(name("ur", "user_id"), UUID.class).eq(userId))));
        Condition sharedWithUnit = VISIBILITY
                .eq("unit")
                .and(org.jooq.impl.DSL.condition(
                        "exists (select 1 from {0} u join {1} mine on mine.id = u.org_unit_id join {1} shared on shared.id = {2}"
                                + " where u.id = {3} and starts_with(mine.path, shared.path))",
                        tenant.table("app_user"), tenant.table("org_unit"), ORG_UNIT_ID, val(userId)));
        return dsl.select(COLUMNS)
                .from(tenant.table("list_view"))
                .where(OBJECT.eq(object))
                .and(OWNER_ID.eq(userId)
                        .or(VISIBILITY.eq("tenant"))
                        .or(sharedWithRole)
                        .or(sharedWithUnit))
                .orderBy(NAME)
                .fetch(this::toView);
    }

    public Optional<ListView> find(DSLContext dsl, Tenant tenant, UUID id) {
        return dsl.select(COLUMNS)
                .from(tenant.table("list_view"))
                .where(ID.eq(id))
                .fetchOptional(this::toView);
    }

    public void insert(DSLContext dsl, Tenant tenant, ListView view) {
        dsl.insertInto(tenant.table("list_view"))
                .set(ID, view.id())
                .set(OBJECT, view.object())
                .set(NAME, view.name())
                .set(OWNER_ID, view.ownerId())
                .set(VISIBILITY, view.visibility())
                .set(ROLE, view.role())
                .set(ORG_UNIT_ID, view.orgUnitId())
                .set(FILTER, view.filter())
                .set(SORT, view.sort())
                .set(FIELDS, view.fields())
                .set(KANBAN, view.kanbanField())
                .execute();
    }

    public boolean update(DSLContext dsl, Tenant tenant, ListView view, long expectedVersion) {
        return dsl.update(tenant.table("list_view"))
                        .set(NAME, view.name())
                        .set(VISIBILITY, view.visibility())
                        .set(ROLE, view.role())
                        .set(ORG_UNIT_ID, view.orgUnitId())
                        .set(FILTER, view.filter())
                        .set(SORT, view.sort())
                        .set(FIELDS, view.fields())
                        .set(KANBAN, view.kanbanField())
                        .set(VERSION, VERSION.plus(1))
                        .set(UPDATED_AT, currentOffsetDateTime())
                        .where(ID.eq(view.id()))
                        .and(VERSION.eq(expectedVersion))
                        .execute()
                == 1;
    }

    public void delete(DSLContext dsl, Tenant tenant, UUID id) {
        dsl.deleteFrom(tenant.table("list_view")).where(ID.eq(id)).execute();
    }

    private ListView toView(Record r) {
        return new ListView(
                r.get(ID),
                r.get(OBJECT),
                r.get(NAME),
                r.get(OWNER_ID),
                r.get(VISIBILITY),
                r.get(ROLE),
                r.get(ORG_UNIT_ID),
                r.get(FILTER),
                r.get(SORT),
                r.get(FIELDS),
                r.get(KANBAN),
                r.get(VERSION),
                r.get(CREATED_AT),
                r.get(UPDATED_AT));
    }
}
