package com.weavecrm.platform.records;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.FieldType;
import com.weavecrm.platform.metadata.FieldValues;
import com.weavecrm.platform.metadata.SystemFields;
import java.util.List;
import org.jooq.Field;

/**
 * A field of a record as the records layer reads, filters and sorts it: its API name, its column and
 * type, and its definition (absent for the system fields every record has).
 *
 * @param nullable whether the column may be null (system timestamps and ids may not)
 */
public record Column(String apiName, String column, FieldType type, FieldDef definition, boolean nullable) {

    /** The system fields, in the order records show them. */
    public static final List<Column> SYSTEM = List.of(
            new Column(SystemFields.ID, "id", FieldType.LOOKUP, null, false),
            new Column(SystemFields.VERSION, "version", FieldType.INTEGER, null, false),
            new Column(SystemFields.CREATED_AT, "created_at", FieldType.DATETIME, null, false),
            new Column(SystemFields.UPDATED_AT, "updated_at", FieldType.DATETIME, null, false),
            new Column(SystemFields.CREATED_BY, "created_by", FieldType.USER, null, true),
            new Column(SystemFields.OWNER_ID, "owner_id", FieldType.USER, null, true),
            new Column(SystemFields.EXTERNAL_ID, "external_id", FieldType.TEXT, null, true));

    /** The record's search document (see {@link SearchDocument}); never shown, never filtered on. */
    public static final Column SEARCH_TEXT = new Column("searchText", "search_text", FieldType.TEXT, null, true);

    public static final Column SEARCH_INITIALS =
            new Column("searchInitials", "search_initials", FieldType.TEXT, null, true);

    /** Every column of an object's table that the product reads: system fields and all fields. */
    public static List<Column> all(com.weavecrm.platform.metadata.ObjectDef object) {
        List<Column> columns = new java.util.ArrayList<>(SYSTEM);
        object.fields().forEach(f -> columns.add(of(f)));
        return columns;
    }

    public static Column of(FieldDef field) {
        return new Column(field.apiName(), field.column(), field.type(), field, true);
    }

    public boolean isSystem() {
        return definition == null;
    }

    /** The column, unqualified, typed as stored. */
    @SuppressWarnings("unchecked")
    public Field<Object> sql() {
        return (Field<Object>) field(name(column), FieldValues.javaType(type));
    }

    /** The column qualified by a table alias (for subqueries). */
    @SuppressWarnings("unchecked")
    public Field<Object> sql(String alias) {
        return (Field<Object>) field(name(alias, column), FieldValues.javaType(type));
    }

    /** Sorting a long text or a list of values means nothing to a user; everything else sorts. */
    public boolean sortable() {
        return type != FieldType.LONG_TEXT && type != FieldType.MULTI_PICKLIST;
    }
}
