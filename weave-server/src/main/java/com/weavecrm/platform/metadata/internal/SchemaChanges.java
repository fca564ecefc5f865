package com.weavecrm.platform.metadata.internal;

import static org.jooq.impl.DSL.name;

import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.FieldType;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.tenancy.Tenant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Name;
import org.springframework.stereotype.Repository;

/**
 * The DDL of the metadata engine: a plan of statements for a change, applied by the schema owner
 * inside the change's transaction. Identifiers are always quoted jOOQ names built from validated
 * api names; nothing user-given is concatenated into SQL text.
 */
@Repository
public class SchemaChanges {

    /** Statements (as jOOQ plain-SQL templates with their name arguments) of one change. */
    public record Plan(List<Step> steps) {
        public static Plan of() {
            return new Plan(new ArrayList<>());
        }

        Plan add(String template, Object... names) {
            steps.add(new Step(template, names));
            return this;
        }
    }

    /** One statement of a plan. */
    public record Step(String template, Object[] parts) {}

    public Plan createTable(Tenant tenant, ObjectDef object) {
        Name table = name(tenant.schema(), object.table());
        String t = object.table();
        Plan plan = Plan.of()
                .add(
                        "create table {0} (id uuid primary key, version bigint not null default 1,"
                                + " created_at timestamptz not null default now(),"
                                + " updated_at timestamptz not null default now(), created_by uuid, owner_id uuid,"
                                + " external_id text, deleted_at timestamptz, search_text text, search_initials text)",
                        table)
                .add(
                        "create unique index {0} on {1} (external_id) where external_id is not null",
                        name(t + "_external_id"), table)
                // lists read newest first, within the caller's scope: the owner's and everyone's
                .add(
                        "create index {0} on {1} (owner_id, created_at desc, id desc) where deleted_at is null",
                        name(t + "_owner"), table)
                .add(
                        "create index {0} on {1} (created_at desc, id desc) where deleted_at is null",
                        name(t + "_created"), table);
        if (object.searched()) {
            // the global search: substrings (trigrams), pinyin initials (prefixes), rows still to read
            plan.add(
                            "create index {0} on {1} using gin (search_text platform.gin_trgm_ops) where deleted_at is null",
                            name(t + "_search"), table)
                    .add(
                            "create index {0} on {1} (search_initials text_pattern_ops) where deleted_at is null",
                            name(t + "_initials"), table)
                    .add("create index {0} on {1} (id) where search_text is null", name(t + "_unsearchable"), table);
        }
        for (FieldDef field : object.fields()) {
            addColumn(plan, tenant, object, field);
        }
        return plan;
    }

    /** An index of a standard object over live records; {@code columns} comes from the product's code. */
    public Plan index(Tenant tenant, ObjectDef object, String suffix, String columns) {
        return Plan.of()
                .add(
                        "create index {0} on {1} (" + columns + ") where deleted_at is null",
                        name(object.table() + "_" + suffix),
                        name(tenant.schema(), object.table()));
    }

    public Plan addColumn(Tenant tenant, ObjectDef object, FieldDef field) {
        Plan plan = Plan.of();
        addColumn(plan, tenant, object, field, false);
        return plan;
    }

    /**
     * A standard field a newer product adds to a tenant's object: its column may exist already (a
     * tenant migration created it to fill it from older data), then only the rest is planned.
     */
    public Plan addStandardColumn(Tenant tenant, ObjectDef object, FieldDef field) {
        Plan plan = Plan.of();
        addColumn(plan, tenant, object, field, true);
        return plan;
    }

    private void addColumn(Plan plan, Tenant tenant, ObjectDef object, FieldDef field) {
        addColumn(plan, tenant, object, field, false);
    }

    private void addColumn(Plan plan, Tenant tenant, ObjectDef object, FieldDef field, boolean ifMissing) {
        Name table = name(tenant.schema(), object.table());
        plan.add(
                "alter table {0} add column " + (ifMissing ? "if not exists " : "") + "{1} " + columnType(field),
                table,
                name(field.column()));
        if (field.type() == FieldType.LOOKUP) {
            plan.add(
                    "alter table {0} add constraint {1} foreign key ({2}) references {3} (id)",
                    table,
                    name(object.table() + "_" + field.column() + "_fk"),
                    name(field.column()),
                    name(tenant.schema(), tableOf(field.target())));
        }
        if (field.type() == FieldType.LOOKUP || field.type() == FieldType.USER) {
            // a record's related list (a customer's contacts) reads newest first: the index serves the
            // filter, the default order and keyset paging at once
            plan.add(
                    "create index {0} on {1} ({2}, created_at desc, id desc) where deleted_at is null",
                    name(object.table() + "_" + field.column()), table, name(field.column()));
        }
        if (field.unique()) {
            plan.steps().addAll(uniqueIndex(tenant, object, field).steps());
        }
        if (field.type() == FieldType.AUTO_NUMBER) {
            plan.add("create sequence {0}", name(tenant.schema(), object.sequenceOf(field)));
        }
    }

    /** The table of an object: {@code r_} and its api name. */
    public static String tableOf(String objectApiName) {
        return "r_" + objectApiName;
    }

    public Plan uniqueIndex(Tenant tenant, ObjectDef object, FieldDef field) {
        return Plan.of()
                .add(
                        "create unique index {0} on {1} ({2}) where deleted_at is null",
                        name(object.table() + "_" + field.column() + "_unique"),
                        name(tenant.schema(), object.table()),
                        name(field.column()));
    }

    public Plan dropUniqueIndex(Tenant tenant, ObjectDef object, FieldDef field) {
        return Plan.of()
                .add(
                        "drop index if exists {0}",
                        name(tenant.schema(), object.table() + "_" + field.column() + "_unique"));
    }

    public Plan changeColumnType(Tenant tenant, ObjectDef object, FieldDef field) {
        return Plan.of()
                .add(
                        "alter table {0} alter column {1} type " + columnType(field),
                        name(tenant.schema(), object.table()),
                        name(field.column()));
    }

    public Plan dropColumn(Tenant tenant, ObjectDef object, FieldDef field) {
        return Plan.of()
                .add("alter table {0} drop column {1}", name(tenant.schema(), object.table()), name(field.column()));
    }

    /** Runs a plan; DDL waits at most a few seconds for a lock instead of queueing behind long transactions. */
    public void apply(DSLContext dsl, Plan plan) {
        dsl.execute("set local lock_timeout = '3s'");
        for (Step step : plan.steps()) {
            dsl.execute(step.template(), step.parts());
        }
    }

    /** The maximum length of the longest value in a text column (to check a shorter limit). */
    public int longestValue(DSLContext dsl, Tenant tenant, ObjectDef object, FieldDef field) {
        Integer longest = dsl.resultQuery(
                        "select max(char_length({0})) from {1}",
                        name(field.column()), name(tenant.schema(), object.table()))
                .fetchOne(0, Integer.class);
        return longest == null ? 0 : longest;
    }

    /** Whether any non-deleted record has a value in the column outside {@code allowed}. */
    public boolean hasValuesOutside(
            DSLContext dsl, Tenant tenant, ObjectDef object, FieldDef field, List<String> allowed) {
        String outside = field.type() == FieldType.MULTI_PICKLIST
                ? "select exists (select 1 from {0} where {1} is not null and not ({1} <@ {2}::text[]))"
                : "select exists (select 1 from {0} where {1} is not null and not ({1}::text = any({2})))";
        return Boolean.TRUE.equals(dsl.resultQuery(
                        outside,
                        name(tenant.schema(), object.table()),
                        name(field.column()),
                        org.jooq.impl.DSL.val(allowed.toArray(String[]::new)))
                .fetchOne(0, Boolean.class));
    }

    private static String columnType(FieldDef field) {
        return switch (field.type()) {
            case DECIMAL, MONEY, PERCENT, ROLLUP -> "numeric(20, " + (field.scale() == null ? 2 : field.scale()) + ")";
            default -> field.type().columnType();
        };
    }
}
