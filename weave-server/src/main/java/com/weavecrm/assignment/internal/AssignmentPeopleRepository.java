package com.weavecrm.assignment.internal;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;

import com.weavecrm.platform.tenancy.Tenant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/**
 * The people assignment picks from: users (name, unit, status), the users of an org unit and the
 * units below it, the tenant's first administrator, and how many open leads each user owns.
 */
@Repository
public class AssignmentPeopleRepository {

    /** A user as assignment sees them. */
    public record Person(UUID id, String username, String displayName, UUID orgUnitId, boolean active) {}

    private static final Field<UUID> ID = field(name("id"), UUID.class);
    private static final Field<String> USERNAME = field(name("username"), String.class);
    private static final Field<String> DISPLAY_NAME = field(name("display_name"), String.class);
    private static final Field<UUID> ORG_UNIT_ID = field(name("org_unit_id"), UUID.class);
    private static final Field<String> STATUS = field(name("status"), String.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
    private static final Field<String> PATH = field(name("path"), String.class);
    private static final Field<UUID> USER_ID = field(name("user_id"), UUID.class);
    private static final Field<UUID> ROLE_ID = field(name("role_id"), UUID.class);
    private static final Field<String> API_NAME = field(name("api_name"), String.class);
    private static final Field<UUID> OWNER_ID = field(name("owner_id"), UUID.class);
    private static final Field<OffsetDateTime> DELETED_AT = field(name("deleted_at"), OffsetDateTime.class);

    private static Table<Record> users(Tenant tenant) {
        return tenant.table("app_user");
    }

    /** The users of these ids that exist, by id. */
    public Map<UUID, Person> find(DSLContext dsl, Tenant tenant, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Person> people = new HashMap<>();
        dsl.select(ID, USERNAME, DISPLAY_NAME, ORG_UNIT_ID, STATUS)
                .from(users(tenant))
                .where(ID.in(ids))
                .forEach(r -> people.put(r.value1(), person(r)));
        return people;
    }

    /** Active users, by username (for choosing members). */
    public List<Person> active(DSLContext dsl, Tenant tenant, int limit) {
        return dsl.select(ID, USERNAME, DISPLAY_NAME, ORG_UNIT_ID, STATUS)
                .from(users(tenant))
                .where(STATUS.eq("active"))
                .orderBy(USERNAME)
                .limit(limit)
                .fetch(AssignmentPeopleRepository::person);
    }

    /** The active users of these org units and every unit below them, by username. */
    public List<Person> ofUnits(DSLContext dsl, Tenant tenant, Collection<UUID> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        Table<Record> units = tenant.table("org_unit");
        List<String> paths = dsl.select(PATH).from(units).where(ID.in(unitIds)).fetch(PATH);
        if (paths.isEmpty()) {
            return List.of();
        }
        var subtree = select(ID)
                .from(units)
                .where(org.jooq.impl.DSL.or(paths.stream().map(PATH::startsWith).toList()));
        return dsl.select(ID, USERNAME, DISPLAY_NAME, ORG_UNIT_ID, STATUS)
                .from(users(tenant))
                .where(STATUS.eq("active"), ORG_UNIT_ID.in(subtree))
                .orderBy(USERNAME)
                .fetch(AssignmentPeopleRepository::person);
    }

    public boolean unitExists(DSLContext dsl, Tenant tenant, UUID unitId) {
        return dsl.fetchExists(tenant.table("org_unit"), ID.eq(unitId));
    }

    /** The tenant's first active administrator (the oldest user holding {@code role}). */
    public Optional<UUID> firstHolderOf(DSLContext dsl, Tenant tenant, String role) {
        return dsl.select(ID)
                .from(users(tenant))
                .where(
                        STATUS.eq("active"),
                        ID.in(select(USER_ID)
                                .from(tenant.table("user_role"))
                                .where(ROLE_ID.in(
                                        select(ID).from(tenant.table("role")).where(API_NAME.eq(role))))))
                .orderBy(CREATED_AT, ID)
                .limit(1)
                .fetchOptional(ID);
    }

    /**
     * How many live leads each user owns whose status is not one of {@code closed} (converted, lost).
     *
     * @param leadTable the lead object's table; {@code statusColumn} its status column
     */
    public Map<UUID, Integer> openLeads(
            DSLContext dsl,
            Tenant tenant,
            String leadTable,
            String statusColumn,
            Set<String> closed,
            Collection<UUID> owners) {
        if (owners.isEmpty()) {
            return Map.of();
        }
        Field<String> status = field(name(statusColumn), String.class);
        Map<UUID, Integer> counts = new LinkedHashMap<>();
        dsl.select(OWNER_ID, count())
                .from(tenant.table(leadTable))
                .where(OWNER_ID.in(owners), DELETED_AT.isNull(), status.isNull().or(status.notIn(closed)))
                .groupBy(OWNER_ID)
                .forEach(r -> counts.put(r.value1(), r.value2()));
        return counts;
    }

    /** The org units (as stored on the store record) of a live store. */
    public Optional<String> storeUnit(
            DSLContext dsl, Tenant tenant, String storeTable, String unitColumn, UUID storeId) {
        Field<String> unit = field(name(unitColumn), String.class);
        return dsl.select(unit)
                .from(tenant.table(storeTable))
                .where(ID.eq(storeId), DELETED_AT.isNull(), unit.isNotNull())
                .fetchOptional(unit);
    }

    /** The org units of the live stores whose region code starts with {@code prefix} (digits only). */
    public Set<String> regionUnits(
            DSLContext dsl, Tenant tenant, String storeTable, String regionColumn, String unitColumn, String prefix) {
        Field<String> unit = field(name(unitColumn), String.class);
        Field<String> region = field(name(regionColumn), String.class);
        return dsl
                .selectDistinct(unit)
                .from(tenant.table(storeTable))
                .where(region.startsWith(prefix), DELETED_AT.isNull(), unit.isNotNull())
                .limit(500)
                .fetch(unit)
                .stream()
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static Person person(org.jooq.Record5<UUID, String, String, UUID, String> r) {
        return new Person(r.value1(), r.value2(), r.value3(), r.value4(), "active".equals(r.value5()));
    }
}
