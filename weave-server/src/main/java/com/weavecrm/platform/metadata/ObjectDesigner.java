package com.weavecrm.platform.metadata;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.audit.AuditLog;
import com.weavecrm.platform.audit.FieldChange;
import com.weavecrm.platform.metadata.internal.MetadataRepository;
import com.weavecrm.platform.metadata.internal.SchemaChanges;
import com.weavecrm.platform.tenancy.TenantChanged;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.JsonInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Changes the metadata: custom objects and fields. Each change is validated (every problem at
 * once), planned (the DDL statements) and applied with the metadata rows in one transaction of the
 * schema owner, audited, and bumps the tenant's metadata version. Adding a nullable column is a
 * catalogue-only change in PostgreSQL, so a field joins a million-row table in milliseconds.
 */
@Service
public class ObjectDesigner {

    private static final Set<String> OBJECT_KEYS =
            Set.of("apiName", "label", "labelPlural", "description", "nameField");
    private static final String AUDIT_OBJECT = ObjectNames.METADATA;

    private final TenantTx tx;
    private final PermissionService permissions;
    private final MetadataService metadata;
    private final MetadataRepository repository;
    private final SchemaChanges schema;
    private final FieldChanges fieldChanges;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final RecordExpressions expressions;

    public ObjectDesigner(
            TenantTx tx,
            PermissionService permissions,
            MetadataService metadata,
            MetadataRepository repository,
            SchemaChanges schema,
            FieldChanges fieldChanges,
            AuditLog audit,
            ApplicationEventPublisher events,
            RecordExpressions expressions) {
        this.tx = tx;
        this.permissions = permissions;
        this.metadata = metadata;
        this.repository = repository;
        this.schema = schema;
        this.fieldChanges = fieldChanges;
        this.audit = audit;
        this.events = events;
        this.expressions = expressions;
    }

    public ObjectDef createObject(TenantContext ctx, JsonNode body) {
        permissions.require(ctx, ObjectNames.METADATA, Action.CREATE);
        JsonInput in = JsonInput.of(body, OBJECT_KEYS);
        String apiName = in.requiredMatching("apiName", 41, FieldDefinitions.API_NAME);
        if (apiName != null && (SystemFields.isReserved(apiName) || ObjectNames.ADMINISTRATIVE.contains(apiName))) {
            in.error("apiName", "reserved");
        }
        Map<String, String> label = Labels.read(in, "label", true);
        Map<String, String> plural = in.has("labelPlural") ? Labels.read(in, "labelPlural", true) : label;
        in.optionalText("description", 500);
        in.finish();
        if (metadata.catalog(ctx).find(apiName).isPresent()) {
            throw ApiException.duplicate("apiName");
        }
        ObjectDef object = new ObjectDef(
                UUID.randomUUID(), apiName, SchemaChanges.tableOf(apiName), label, plural, false, null, List.of(), 1);
        apply(ctx, dsl -> {
            create(dsl, ctx, object);
            return null;
        });
        return metadata.object(refreshed(ctx), apiName);
    }

    public FieldDef addField(TenantContext ctx, String objectApiName, JsonNode body) {
        permissions.require(ctx, ObjectNames.METADATA, Action.CREATE);
        ObjectCatalog catalog = metadata.catalog(ctx);
        ObjectDef object = catalog.find(objectApiName).orElseThrow(ApiException::notFound);
        JsonInput in = JsonInput.of(body, FieldDefinitions.KEYS);
        FieldDef field = FieldDefinitions.read(in, object, catalog, expressions);
        in.finish();
        if (object.field(field.apiName()).isPresent()
                || object.fields().stream().anyMatch(f -> f.column().equals(field.column()))) {
            throw ApiException.duplicate("apiName");
        }
        apply(ctx, dsl -> {
            schema.apply(dsl, schema.addColumn(ctx.tenant(), object, field));
            repository.insertField(dsl, ctx.tenant(), object.id(), field);
            audit.record(
                    dsl,
                    ctx,
                    AuditAction.CREATE,
                    AUDIT_OBJECT,
                    object.apiName() + "." + field.apiName(),
                    FieldChange.created(describe(field)));
            return null;
        });
        return metadata.object(refreshed(ctx), objectApiName)
                .field(field.apiName())
                .orElseThrow();
    }

    public FieldDef updateField(TenantContext ctx, String objectApiName, String fieldApiName, JsonNode body) {
        permissions.require(ctx, ObjectNames.METADATA, Action.UPDATE);
        ObjectDef object = metadata.object(ctx, objectApiName);
        FieldDef field = object.field(fieldApiName).orElseThrow(ApiException::notFound);
        FieldChanges.Change change = fieldChanges.validate(ctx, object, field, body);
        apply(ctx, dsl -> {
            fieldChanges.checkData(dsl, ctx, object, change);
            schema.apply(dsl, change.plan());
            repository.updateField(dsl, ctx.tenant(), change.field());
            audit.record(
                    dsl,
                    ctx,
                    AuditAction.UPDATE,
                    AUDIT_OBJECT,
                    object.apiName() + "." + field.apiName(),
                    FieldChange.diff(describe(field), describe(change.field())));
            return null;
        });
        return metadata.object(refreshed(ctx), objectApiName)
                .field(fieldApiName)
                .orElseThrow();
    }

    public void deleteField(TenantContext ctx, String objectApiName, String fieldApiName) {
        permissions.require(ctx, ObjectNames.METADATA, Action.DELETE);
        ObjectDef object = metadata.object(ctx, objectApiName);
        FieldDef field = object.field(fieldApiName).orElseThrow(ApiException::notFound);
        if (field.standard()) {
            throw ApiException.unprocessable(
                    "problem.standard_field",
                    List.of(com.weavecrm.platform.web.FieldError.of(fieldApiName, "standard")));
        }
        apply(ctx, dsl -> {
            schema.apply(dsl, schema.dropColumn(ctx.tenant(), object, field));
            repository.deleteField(dsl, ctx.tenant(), field.id());
            audit.record(
                    dsl,
                    ctx,
                    AuditAction.DELETE,
                    AUDIT_OBJECT,
                    object.apiName() + "." + field.apiName(),
                    FieldChange.diff(describe(field), Map.of()));
            return null;
        });
    }

    /** Creates an object with its fields inside a running schema transaction (provisioning). */
    void create(DSLContext dsl, TenantContext ctx, ObjectDef object) {
        schema.apply(dsl, schema.createTable(ctx.tenant(), object));
        repository.insertObject(dsl, ctx.tenant(), object);
        for (FieldDef field : object.fields()) {
            repository.insertField(dsl, ctx.tenant(), object.id(), field);
        }
        audit.record(
                dsl,
                ctx,
                AuditAction.CREATE,
                AUDIT_OBJECT,
                object.apiName(),
                FieldChange.created(Map.of(
                        "apiName",
                        object.apiName(),
                        "label",
                        object.label(),
                        "fields",
                        object.fields().stream().map(FieldDef::apiName).toList())));
    }

    /** Adds standard fields a newer product brings to an existing object, inside a running schema transaction. */
    void addStandardFields(DSLContext dsl, TenantContext ctx, ObjectDef object, List<FieldDef> fields) {
        for (FieldDef field : fields) {
            schema.apply(dsl, schema.addStandardColumn(ctx.tenant(), object, field));
            repository.insertField(dsl, ctx.tenant(), object.id(), field);
            audit.record(
                    dsl,
                    ctx,
                    AuditAction.CREATE,
                    AUDIT_OBJECT,
                    object.apiName() + "." + field.apiName(),
                    FieldChange.created(describe(field)));
        }
    }

    /** Creates one of the product's own indexes of a standard object inside a running schema transaction. */
    void createIndex(DSLContext dsl, TenantContext ctx, ObjectDef object, StandardObjects.Index index) {
        schema.apply(dsl, schema.index(ctx.tenant(), object, index.suffix(), index.columns()));
    }

    /** Runs a change as the schema owner and bumps the metadata version; DDL failures become 409s. */
    <T> T apply(TenantContext ctx, java.util.function.Function<DSLContext, T> change) {
        try {
            return tx.callAsSchemaOwner(ctx, dsl -> {
                T result = change.apply(dsl);
                repository.bumpVersion(dsl, ctx.tenant());
                events.publishEvent(TenantChanged.wholeTenant(ctx.tenant().id()));
                return result;
            });
        } catch (DataAccessException e) {
            throw ApiException.conflict(
                    "problem.schema_change_failed",
                    List.of(com.weavecrm.platform.web.FieldError.of("schema", "change_failed", rootMessage(e))));
        }
    }

    private static TenantContext refreshed(TenantContext ctx) {
        return new TenantContext(
                ctx.tenant(), ctx.userId(), ctx.securityVersion(), 0, ctx.requestId(), ctx.clientIp(), ctx.locale());
    }

    static Map<String, Object> describe(FieldDef field) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("apiName", field.apiName());
        values.put("type", field.type().apiName());
        values.put("label", field.label());
        values.put("required", field.required());
        values.put("unique", field.unique());
        values.put("maxLength", field.maxLength());
        values.put("scale", field.scale());
        values.put("values", field.values().stream().map(PicklistValue::value).toList());
        values.put("target", field.target());
        return values;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int detail = message.indexOf("\n");
        return detail > 0 ? message.substring(0, detail) : message;
    }
}
