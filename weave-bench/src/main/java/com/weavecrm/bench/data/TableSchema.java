package com.weavecrm.bench.data;

import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.FieldType;
import com.weavecrm.platform.metadata.ObjectDef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An object of the tenant as its metadata tables describe it (the generator writes the columns the
 * product defined, custom fields included), in the product's own {@link ObjectDef} form so that the
 * product's code computes what it derives from a record, such as its search document.
 */
record TableSchema(String schema, ObjectDef object) {

    static TableSchema read(Connection db, String schema, String apiName) throws SQLException {
        String objectSql = "select table_name, name_field from " + schema + ".meta_object where api_name = ?";
        String fieldSql = "select f.api_name, f.column_name, f.type, (f.settings ->> 'maxLength')::int"
                + " from " + schema + ".meta_field f join " + schema + ".meta_object o on o.id = f.object_id"
                + " where o.api_name = ? order by f.sort_order, f.api_name";
        String table;
        String nameField;
        try (PreparedStatement statement = db.prepareStatement(objectSql)) {
            statement.setString(1, apiName);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("tenant schema " + schema + " has no object " + apiName);
                }
                table = rows.getString(1);
                nameField = rows.getString(2);
            }
        }
        List<FieldDef> fields = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement(fieldSql)) {
            statement.setString(1, apiName);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    FieldType type = FieldType.parse(rows.getString(3))
                            .orElseThrow(() -> new IllegalStateException("unknown field type"));
                    Integer maxLength = rows.getObject(4) == null ? null : rows.getInt(4);
                    fields.add(new FieldDef(
                            null,
                            rows.getString(1),
                            rows.getString(2),
                            type,
                            Map.of(),
                            false,
                            false,
                            false,
                            false,
                            maxLength,
                            null,
                            List.of(),
                            null,
                            null,
                            null,
                            null,
                            fields.size(),
                            null,
                            List.of(),
                            null,
                            false));
                }
            }
        }
        return new TableSchema(
                schema, new ObjectDef(null, apiName, table, Map.of(), Map.of(), true, nameField, fields, 1));
    }

    String qualifiedTable() {
        return schema + "." + object.table();
    }

    String column(String apiName) {
        return object.field(apiName)
                .map(FieldDef::column)
                .orElseThrow(() -> new IllegalStateException(object.apiName() + " has no field " + apiName));
    }
}
