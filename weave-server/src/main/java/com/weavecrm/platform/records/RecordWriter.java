package com.weavecrm.platform.records;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.FieldAccess;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.audit.AuditLog;
import com.weavecrm.platform.audit.FieldChange;
import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.FieldType;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.metadata.SystemFields;
import com.weavecrm.platform.records.internal.RecordRepository;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Writes records: create, partial update with optimistic locking, soft delete to the recycle bin,
 * restore, upsert by external id. Each write checks the right and the data scope, validates every
 * field (all problems in one 400), runs the object's hooks, and is audited field by field — the
 * record's history — with its domain event, in one transaction.
 */
@Service
public class RecordWriter {

    private final TenantTx tx;
    private final PermissionService permissions;
    private final MetadataService metadata;
    private final RecordService records;
    private final RecordRepository repository;
    private final AuditLog audit;
    private final List<RecordHook> hooks;
    private final ComputedValues computed;
    private final Rollups rollups;
    private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

    public RecordWriter(
            TenantTx tx,
            PermissionService permissions,
            MetadataService metadata,
            RecordService records,
            RecordRepository repository,
            AuditLog audit,
            List<RecordHook> hooks,
            ComputedValues computed,
            Rollups rollups) {
        this.tx = tx;
        this.permissions = permissions;
        this.metadata = metadata;
        this.records = records;
        this.repository = repository;
        this.audit = audit;
        this.hooks = hooks;
        this.computed = computed;
        this.rollups = rollups;
    }

    /** An upsert's outcome: whether it created the record. */
    public record Upserted(boolean created, Map<String, Object> record) {}

    public Map<String, Object> create(TenantContext ctx, String objectApiName, JsonNode body) {
        ObjectAccess access = records.access(ctx, objectApiName, Action.CREATE);
        RecordInput.Parsed input = RecordInput.read(body, access, true);
        return tx.call(ctx, dsl -> insert(dsl, ctx, access, input, input.externalId()));
    }

    public Map<String, Object> update(TenantContext ctx, String objectApiName, UUID id, JsonNode body, String ifMatch) {
        ObjectAccess access = records.access(ctx, objectApiName, Action.UPDATE);
        RecordInput.Parsed input = RecordInput.read(body, access, false);
        return tx.call(ctx, dsl -> {
            Map<String, Object> before = lockInScope(dsl, ctx, access, id, Action.UPDATE, false);
            long version = ((Number) before.get("version")).longValue();
            if (ifMatch != null && !ifMatch.isBlank() && parseVersion(ifMatch) != version) {
                throw ApiException.staleVersion();
            }
            return change(dsl, ctx, access, id, version, before, input);
        });
    }

    public void delete(TenantContext ctx, String objectApiName, UUID id) {
        ObjectAccess access = records.access(ctx, objectApiName, Action.DELETE);
        tx.run(ctx, dsl -> {
            Map<String, Object> before = lockInScope(dsl, ctx, access, id, Action.DELETE, false);
            repository.setDeleted(dsl, ctx.tenant(), access.object(), id, true);
            rollups.afterWrite(dsl, ctx, access.object(), before, Map.of());
            afterHooks(dsl, ctx, access.object(), id, fieldValues(access.object(), before), null);
            audit.record(
                    dsl,
                    ctx,
                    AuditAction.DELETE,
                    access.object().apiName(),
                    id,
                    FieldChange.diff(json(access, before), Map.of()));
        });
    }

    /** Brings a record back from the recycle bin. */
    public Map<String, Object> restore(TenantContext ctx, String objectApiName, UUID id) {
        ObjectAccess access = records.access(ctx, objectApiName, Action.DELETE);
        return tx.call(ctx, dsl -> {
            Map<String, Object> deleted = lockInScope(dsl, ctx, access, id, Action.DELETE, true);
            repository.setDeleted(dsl, ctx.tenant(), access.object(), id, false);
            rollups.afterWrite(dsl, ctx, access.object(), Map.of(), deleted);
            afterHooks(dsl, ctx, access.object(), id, Map.of(), fieldValues(access.object(), deleted));
            audit.record(dsl, ctx, AuditAction.RESTORE, access.object().apiName(), id, List.of());
            return records.read(dsl, ctx, access, id).orElseThrow(ApiException::notFound);
        });
    }

    /**
     * Creates the record with this external id, or updates it when it exists (and restores it if
     * deleted). The key is the record's {@code externalId}, or the value of {@code keyField} when it
     * names a field marked {@code externalId}.
     */
    public Upserted upsert(TenantContext ctx, String objectApiName, String externalId, String keyField, JsonNode body) {
        if (externalId == null || externalId.isBlank() || externalId.length() > 255) {
            throw ApiException.badRequest(SystemFields.EXTERNAL_ID, "invalid_format");
        }
        ObjectAccess access = records.access(ctx, objectApiName, Action.UPDATE);
        permissions.require(ctx, access.object().apiName(), Action.CREATE);
        FieldDef key = keyField == null ? null : externalIdField(access, keyField);
        return tx.call(ctx, dsl -> {
            List<Column> columns = List.copyOf(access.readable().values());
            Optional<Map<String, Object>> existing = repository.lock(
                    dsl,
                    ctx.tenant(),
                    access.object(),
                    columns,
                    key == null
                            ? RecordRepository.EXTERNAL_ID.eq(externalId)
                            : Column.of(key).sql().eq(externalId));
            if (existing.isEmpty()) {
                RecordInput.Parsed input = RecordInput.read(body, access, true);
                if (key != null) {
                    input.values().put(key.apiName(), externalId);
                }
                return new Upserted(
                        true, insert(dsl, ctx, access, input, key == null ? externalId : input.externalId()));
            }
            UUID id = (UUID) existing.get().get("id");
            Map<String, Object> before = lockInScope(
                    dsl, ctx, access, id, Action.UPDATE, existing.get().get("deleted_at") != null);
            if (existing.get().get("deleted_at") != null) {
                repository.setDeleted(dsl, ctx.tenant(), access.object(), id, false);
                rollups.afterWrite(dsl, ctx, access.object(), Map.of(), before);
                afterHooks(dsl, ctx, access.object(), id, Map.of(), fieldValues(access.object(), before));
                audit.record(dsl, ctx, AuditAction.RESTORE, access.object().apiName(), id, List.of());
                before.put("version", ((Number) before.get("version")).longValue() + 1);
            }
            RecordInput.Parsed input = RecordInput.read(body, access, false);
            return new Upserted(
                    false, change(dsl, ctx, access, id, ((Number) before.get("version")).longValue(), before, input));
        });
    }

    /** A field the caller may write that is marked as another system's key; otherwise 400 naming it. */
    private static FieldDef externalIdField(ObjectAccess access, String apiName) {
        return access.object()
                .field(apiName)
                .filter(FieldDef::externalId)
                .filter(f -> access.fieldAccess(apiName)
                        .filter(FieldAccess::writable)
                        .isPresent())
                .orElseThrow(() -> ApiException.badRequest("field", "not_an_external_id"));
    }

    private Map<String, Object> insert(
            DSLContext dsl, TenantContext ctx, ObjectAccess access, RecordInput.Parsed input, String externalId) {
        ObjectDef object = access.object();
        List<FieldError> errors = new ArrayList<>(input.errors());
        Map<String, Object> values = new LinkedHashMap<>(input.values());
        UUID owner = input.ownerGiven() ? input.ownerId() : ctx.userId();
        checkReferences(dsl, ctx, access, values, errors);
        checkOwner(dsl, ctx, object, input.ownerGiven(), owner, Action.CREATE, errors);
        computed.forNewRecord(dsl, ctx, object, values);
        runHooks(dsl, ctx, object, Map.of(), values, errors);
        computed.check(ctx, object, new LinkedHashMap<>(values), values, errors);
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
        UUID id = ids.generate();
        Map<Column, Object> row = new LinkedHashMap<>();
        row.put(system(access, SystemFields.ID), id);
        row.put(system(access, SystemFields.CREATED_BY), ctx.userId());
        row.put(system(access, SystemFields.OWNER_ID), owner);
        row.put(system(access, SystemFields.EXTERNAL_ID), externalId);
        values.forEach((name, value) -> row.put(Column.of(object.field(name).orElseThrow()), value));
        putSearch(row, object, values);
        List<Column> columns = List.copyOf(access.readable().values());
        Map<String, Object> created = RecordJson.of(
                columns, writing(() -> repository.insert(dsl, ctx.tenant(), object, row, columns), object));
        rollups.afterWrite(dsl, ctx, object, Map.of(), byColumn(Map.of(), row));
        afterHooks(dsl, ctx, object, id, Map.of(), fieldValues(object, byColumn(Map.of(), row)));
        audit.record(dsl, ctx, AuditAction.CREATE, object.apiName(), id, FieldChange.created(withoutSystem(created)));
        return created;
    }

    private Map<String, Object> change(
            DSLContext dsl,
            TenantContext ctx,
            ObjectAccess access,
            UUID id,
            long version,
            Map<String, Object> before,
            RecordInput.Parsed input) {
        ObjectDef object = access.object();
        List<FieldError> errors = new ArrayList<>(input.errors());
        Map<String, Object> values = new LinkedHashMap<>(input.values());
        checkReferences(dsl, ctx, access, values, errors);
        UUID owner = input.ownerGiven() ? input.ownerId() : (UUID) before.get("owner_id");
        if (input.ownerGiven()) {
            checkOwner(dsl, ctx, object, true, owner, Action.UPDATE, errors);
        }
        runHooks(dsl, ctx, object, json(access, before), values, errors);
        Map<String, Object> record = new LinkedHashMap<>();
        object.fields().forEach(f -> record.put(f.apiName(), before.get(f.column())));
        record.putAll(values);
        computed.check(ctx, object, record, values, errors);
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
        Map<Column, Object> row = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            FieldDef field = object.field(name).orElseThrow();
            if (!sameValue(before.get(field.column()), value)) {
                row.put(Column.of(field), value);
            }
        });
        if (!row.isEmpty()) {
            Map<String, Object> all = new LinkedHashMap<>();
            object.fields().forEach(f -> all.put(f.apiName(), before.get(f.column())));
            all.putAll(values);
            putSearch(row, object, all);
        }
        if (input.ownerGiven() && !Objects.equals(owner, before.get("owner_id"))) {
            row.put(system(access, SystemFields.OWNER_ID), owner);
        }
        if (input.externalIdGiven() && !Objects.equals(input.externalId(), before.get("external_id"))) {
            row.put(system(access, SystemFields.EXTERNAL_ID), input.externalId());
        }
        if (!row.isEmpty()) {
            boolean updated = writing(() -> repository.update(dsl, ctx.tenant(), object, id, version, row), object);
            if (!updated) {
                throw ApiException.staleVersion();
            }
            rollups.afterWrite(dsl, ctx, object, before, byColumn(before, row));
            afterHooks(dsl, ctx, object, id, fieldValues(object, before), fieldValues(object, byColumn(before, row)));
        }
        Map<String, Object> after = records.readUnscoped(dsl, ctx, access, id);
        if (!row.isEmpty()) {
            audit.record(
                    dsl,
                    ctx,
                    AuditAction.UPDATE,
                    object.apiName(),
                    id,
                    FieldChange.diff(withoutSystem(json(access, before)), withoutSystem(after)).stream()
                            .filter(c -> !c.field().equals(SystemFields.VERSION)
                                    && !c.field().equals(SystemFields.UPDATED_AT))
                            .toList());
        }
        return after;
    }

    /**
     * The record, locked, when it lies in the caller's scope for {@code action}: 404 when the caller
     * cannot even read it, 403 when they can read but not do the action.
     */
    private Map<String, Object> lockInScope(
            DSLContext dsl, TenantContext ctx, ObjectAccess access, UUID id, Action action, boolean deleted) {
        List<Column> columns = Column.all(access.object());
        Map<String, Object> row = repository
                .lock(
                        dsl,
                        ctx.tenant(),
                        access.object(),
                        columns,
                        RecordRepository.ID.eq(id).and(records.scope(ctx, access.object(), action)))
                .filter(r -> (r.get("deleted_at") != null) == deleted)
                .orElse(null);
        if (row != null) {
            return row;
        }
        boolean readable = repository
                .lock(
                        dsl,
                        ctx.tenant(),
                        access.object(),
                        columns,
                        RecordRepository.ID.eq(id).and(records.scope(ctx, access.object(), Action.READ)))
                .filter(r -> (r.get("deleted_at") != null) == deleted)
                .isPresent();
        throw readable ? ApiException.forbidden() : ApiException.notFound();
    }

    /** Lookups must point at records the caller may read; user fields at active users. */
    private void checkReferences(
            DSLContext dsl,
            TenantContext ctx,
            ObjectAccess access,
            Map<String, Object> values,
            List<FieldError> errors) {
        values.forEach((name, value) -> {
            FieldDef field = access.object().field(name).orElseThrow();
            if (value == null) {
                return;
            }
            if (field.type() == FieldType.LOOKUP) {
                ObjectDef target = metadata.object(ctx, field.target());
                boolean visible = permissions.can(ctx, target.apiName(), Action.READ)
                        && repository.exists(
                                dsl,
                                RecordRepository.table(ctx.tenant(), target),
                                (UUID) value,
                                records.scope(ctx, target, Action.READ));
                if (!visible) {
                    errors.add(FieldError.of(name, "not_found"));
                }
            } else if (field.type() == FieldType.USER && !repository.userExists(dsl, ctx.tenant(), (UUID) value)) {
                errors.add(FieldError.of(name, "not_found"));
            }
        });
    }

    /** An owner must be an active user within the caller's scope for the action. */
    private void checkOwner(
            DSLContext dsl,
            TenantContext ctx,
            ObjectDef object,
            boolean given,
            UUID owner,
            Action action,
            List<FieldError> errors) {
        if (!given || ctx.isSystem()) {
            return;
        }
        if (owner == null
                || !repository.userExists(dsl, ctx.tenant(), owner)
                || !permissions.ownerInScope(ctx, dsl, object.apiName(), action, owner)) {
            errors.add(FieldError.of(SystemFields.OWNER_ID, "out_of_scope"));
        }
    }

    private void afterHooks(
            DSLContext dsl,
            TenantContext ctx,
            ObjectDef object,
            UUID id,
            Map<String, Object> before,
            Map<String, Object> after) {
        for (RecordHook hook : hooks) {
            if (hook.object().equals(object.apiName())) {
                hook.afterWrite(dsl, ctx, object, id, before, after);
            }
        }
    }

    /** Field api name to value (and {@code ownerId}), from a row keyed by column. */
    private static Map<String, Object> fieldValues(ObjectDef object, Map<String, Object> row) {
        Map<String, Object> values = new LinkedHashMap<>();
        object.fields().forEach(f -> values.put(f.apiName(), row.get(f.column())));
        values.put(SystemFields.OWNER_ID, row.get("owner_id"));
        return values;
    }

    private void runHooks(
            DSLContext dsl,
            TenantContext ctx,
            ObjectDef object,
            Map<String, Object> before,
            Map<String, Object> values,
            List<FieldError> errors) {
        for (RecordHook hook : hooks) {
            if (hook.object().equals(object.apiName())) {
                hook.beforeWrite(dsl, ctx, object, before, values, errors);
            }
        }
    }

    /** Runs a write; a unique value taken by another record becomes 409 naming the field. */
    private <T> T writing(java.util.function.Supplier<T> write, ObjectDef object) {
        try {
            return write.get();
        } catch (DuplicateKeyException e) {
            throw ApiException.duplicate(fieldOfConstraint(e, object));
        }
    }

    private static String fieldOfConstraint(DuplicateKeyException e, ObjectDef object) {
        Throwable cause = e.getMostSpecificCause();
        String constraint = cause instanceof PSQLException psql && psql.getServerErrorMessage() != null
                ? psql.getServerErrorMessage().getConstraint()
                : null;
        if (constraint != null && constraint.endsWith("_external_id")) {
            return SystemFields.EXTERNAL_ID;
        }
        return object.fields().stream()
                .filter(f -> constraint != null && constraint.equals(object.table() + "_" + f.column() + "_unique"))
                .map(FieldDef::apiName)
                .findFirst()
                .orElse("id");
    }

    private static void putSearch(Map<Column, Object> row, ObjectDef object, Map<String, Object> values) {
        if (!SearchDocument.appliesTo(object)) {
            return;
        }
        SearchDocument.Text document = SearchDocument.of(object, values);
        row.put(Column.SEARCH_TEXT, document.text());
        row.put(Column.SEARCH_INITIALS, document.initials());
    }

    private static Map<String, Object> byColumn(Map<String, Object> before, Map<Column, Object> changes) {
        Map<String, Object> after = new LinkedHashMap<>(before);
        changes.forEach((column, value) -> after.put(column.column(), value));
        return after;
    }

    private static Column system(ObjectAccess access, String apiName) {
        return access.column(apiName).orElseThrow();
    }

    private static Map<String, Object> json(ObjectAccess access, Map<String, Object> row) {
        return RecordJson.of(List.copyOf(access.readable().values()), row);
    }

    private static Map<String, Object> withoutSystem(Map<String, Object> record) {
        Map<String, Object> fields = new LinkedHashMap<>(record);
        List.of(
                        SystemFields.ID,
                        SystemFields.VERSION,
                        SystemFields.CREATED_AT,
                        SystemFields.UPDATED_AT,
                        SystemFields.CREATED_BY)
                .forEach(fields::remove);
        return fields;
    }

    private static boolean sameValue(Object stored, Object value) {
        if (stored instanceof String[] a && value instanceof String[] b) {
            return java.util.Arrays.equals(a, b);
        }
        if (stored instanceof java.math.BigDecimal a && value instanceof java.math.BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        return Objects.equals(stored, value);
    }

    private static long parseVersion(String ifMatch) {
        try {
            return Long.parseLong(ifMatch.strip().replace("W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("If-Match", "invalid_version");
        }
    }
}
