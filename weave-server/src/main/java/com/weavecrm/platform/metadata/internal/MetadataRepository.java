package com.weavecrm.platform.metadata.internal;

import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.FieldType;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.metadata.PicklistValue;
import com.weavecrm.platform.tenancy.Tenant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SQL of the metadata tables ({@code meta_object}, {@code meta_field}) and the metadata version. */
@Repository
public class MetadataRepository {

    private static final Field<UUID> ID = field(name("id"), UUID.class);
    private static final Field<String> API_NAME = field(name("api_name"), String.class);
    private static final Field<String> TABLE_NAME = field(name("table_name"), String.class);
    private static final Field<JSONB> LABEL = field(name("label"), JSONB.class);
    private static final Field<JSONB> LABEL_PLURAL = field(name("label_plural"), JSONB.class);
    private static final Field<Boolean> STANDARD = field(name("standard"), Boolean.class);
    private static final Field<String> NAME_FIELD = field(name("name_field"), String.class);
    private static final Field<Long> VERSION = field(name("version"), Long.class);
    private static final Field<UUID> OBJECT_ID = field(name("object_id"), UUID.class);
    private static final Field<String> COLUMN_NAME = field(name("column_name"), String.class);
    private static final Field<String> TYPE = field(name("type"), String.class);
    private static final Field<Boolean> REQUIRED = field(name("required"), Boolean.class);
    private static final Field<Boolean> UNIQUE = field(name("unique_"), Boolean.class);
    private static final Field<Boolean> READ_ONLY = field(name("read_only"), Boolean.class);
    private static final Field<JSONB> SETTINGS = field(name("settings"), JSONB.class);
    private static final Field<Integer> SORT_ORDER = field(name("sort_order"), Integer.class);
    private static final Field<Long> METADATA_VERSION = field(name("metadata_version"), Long.class);

    private static final TypeReference<Map<String, String>> LABEL_TYPE = new TypeReference<>() {};

    private final JsonMapper json;

    public MetadataRepository(JsonMapper json) {
        this.json = json;
    }

    public long version(DSLContext dsl, Tenant tenant) {
        return dsl.select(METADATA_VERSION)
                .from(tenant.table("tenant_settings"))
                .fetchOne(METADATA_VERSION);
    }

    public void bumpVersion(DSLContext dsl, Tenant tenant) {
        dsl.update(tenant.table("tenant_settings"))
                .set(METADATA_VERSION, METADATA_VERSION.plus(1))
                .execute();
    }

    /** Every object with its fields, in definition order. */
    public List<ObjectDef> findAll(DSLContext dsl, Tenant tenant) {
        Map<UUID, List<FieldDef>> fields = new HashMap<>();
        dsl.select(
                        ID,
                        OBJECT_ID,
                        API_NAME,
                        COLUMN_NAME,
                        TYPE,
                        LABEL,
                        REQUIRED,
                        UNIQUE,
                        READ_ONLY,
                        STANDARD,
                        SETTINGS,
                        SORT_ORDER)
                .from(tenant.table("meta_field"))
                .orderBy(SORT_ORDER, API_NAME)
                .forEach(r -> fields.computeIfAbsent(r.get(OBJECT_ID), k -> new ArrayList<>())
                        .add(toField(r)));
        return dsl.select(ID, API_NAME, TABLE_NAME, LABEL, LABEL_PLURAL, STANDARD, NAME_FIELD, VERSION)
                .from(tenant.table("meta_object"))
                .orderBy(STANDARD.desc(), API_NAME)
                .fetch(r -> new ObjectDef(
                        r.get(ID),
                        r.get(API_NAME),
                        r.get(TABLE_NAME),
                        labels(r.get(LABEL)),
                        labels(r.get(LABEL_PLURAL)),
                        r.get(STANDARD),
                        r.get(NAME_FIELD),
                        List.copyOf(fields.getOrDefault(r.get(ID), List.of())),
                        r.get(VERSION)));
    }

    public void insertObject(DSLContext dsl, Tenant tenant, ObjectDef object) {
        dsl.insertInto(tenant.table("meta_object"))
                .set(ID, object.id())
                .set(API_NAME, object.apiName())
                .set(TABLE_NAME, object.table())
                .set(LABEL, jsonb(object.label()))
                .set(LABEL_PLURAL, jsonb(object.labelPlural()))
                .set(STANDARD, object.standard())
                .set(NAME_FIELD, object.nameField())
                .execute();
    }

    public void insertField(DSLContext dsl, Tenant tenant, UUID objectId, FieldDef field) {
        dsl.insertInto(tenant.table("meta_field"))
                .set(ID, field.id())
                .set(OBJECT_ID, objectId)
                .set(API_NAME, field.apiName())
                .set(COLUMN_NAME, field.column())
                .set(TYPE, field.type().apiName())
                .set(LABEL, jsonb(field.label()))
                .set(REQUIRED, field.required())
                .set(UNIQUE, field.unique())
                .set(READ_ONLY, field.readOnly())
                .set(STANDARD, field.standard())
                .set(SETTINGS, jsonb(settings(field)))
                .set(SORT_ORDER, field.sortOrder())
                .execute();
    }

    public void updateField(DSLContext dsl, Tenant tenant, FieldDef field) {
        dsl.update(tenant.table("meta_field"))
                .set(TYPE, field.type().apiName())
                .set(LABEL, jsonb(field.label()))
                .set(REQUIRED, field.required())
                .set(UNIQUE, field.unique())
                .set(SETTINGS, jsonb(settings(field)))
                .set(SORT_ORDER, field.sortOrder())
                .set(VERSION, VERSION.plus(1))
                .set(field(name("updated_at"), java.time.OffsetDateTime.class), currentOffsetDateTime())
                .where(ID.eq(field.id()))
                .execute();
    }

    public void deleteField(DSLContext dsl, Tenant tenant, UUID fieldId) {
        dsl.deleteFrom(tenant.table("meta_field")).where(ID.eq(fieldId)).execute();
    }

    private FieldDef toField(Record r) {
        JsonNode s = json.readTree(r.get(SETTINGS).data());
        List<PicklistValue> values = new ArrayList<>();
        s.path("values")
                .values()
                .forEach(v -> values.add(new PicklistValue(
                        v.path("value").asString(),
                        json.convertValue(v.path("label"), LABEL_TYPE),
                        v.path("color").asString(null))));
        return new FieldDef(
                r.get(ID),
                r.get(API_NAME),
                r.get(COLUMN_NAME),
                FieldType.parse(r.get(TYPE)).orElseThrow(),
                labels(r.get(LABEL)),
                r.get(REQUIRED),
                r.get(UNIQUE),
                r.get(READ_ONLY),
                r.get(STANDARD),
                s.has("maxLength") ? s.get("maxLength").asInt() : null,
                s.has("scale") ? s.get("scale").asInt() : null,
                List.copyOf(values),
                s.path("target").asString(null),
                s.path("expression").asString(null),
                s.path("pattern").asString(null),
                s.path("helpText").asString(null),
                r.get(SORT_ORDER),
                defaultValue(s),
                validations(s),
                rollup(s),
                s.path("externalId").asBoolean(false));
    }

    private Object defaultValue(JsonNode settings) {
        JsonNode value = settings.get("default");
        return value == null || value.isNull() ? null : json.treeToValue(value, Object.class);
    }

    private FieldDef.Rollup rollup(JsonNode settings) {
        JsonNode rollup = settings.get("rollup");
        return rollup == null || rollup.isNull() ? null : json.treeToValue(rollup, FieldDef.Rollup.class);
    }

    private List<FieldDef.ValidationRule> validations(JsonNode settings) {
        List<FieldDef.ValidationRule> rules = new ArrayList<>();
        settings.path("validations")
                .values()
                .forEach(rule -> rules.add(new FieldDef.ValidationRule(
                        rule.path("expression").asString(), json.convertValue(rule.path("message"), LABEL_TYPE))));
        return List.copyOf(rules);
    }

    private static Map<String, Object> settings(FieldDef field) {
        Map<String, Object> settings = new LinkedHashMap<>();
        put(settings, "maxLength", field.maxLength());
        put(settings, "scale", field.scale());
        if (!field.values().isEmpty()) {
            settings.put("values", field.values());
        }
        put(settings, "target", field.target());
        put(settings, "expression", field.expression());
        put(settings, "pattern", field.pattern());
        put(settings, "helpText", field.helpText());
        put(settings, "default", field.defaultValue());
        if (!field.validations().isEmpty()) {
            settings.put("validations", field.validations());
        }
        put(settings, "rollup", field.rollup());
        if (field.externalId()) {
            settings.put("externalId", true);
        }
        return settings;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private Map<String, String> labels(JSONB value) {
        return json.readValue(value.data(), LABEL_TYPE);
    }

    private JSONB jsonb(Object value) {
        return JSONB.valueOf(json.writeValueAsString(value));
    }
}
