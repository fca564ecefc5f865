package com.weavecrm.platform.records;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.audit.AuditLog;
import com.weavecrm.platform.audit.FieldChange;
import com.weavecrm.platform.metadata.FieldType;
import com.weavecrm.platform.records.internal.FilterCompiler;
import com.weavecrm.platform.records.internal.ListViewRepository;
import com.weavecrm.platform.records.internal.RecordOrder;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.JsonInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Saved list views. Anyone who may read an object keeps private views of it; sharing a view with a
 * role, an org unit or everyone is for those who may change the object's definition. A view's
 * filter, sort and columns are checked against the fields its creator may read when it is saved,
 * and again against the reader's fields each time it is used.
 */
@Service
public class ListViews {

    private static final Set<String> KEYS =
            Set.of("name", "filter", "sort", "fields", "kanbanField", "visibility", "role", "orgUnitId");
    private static final Pattern VISIBILITY = Pattern.compile("private|role|unit|tenant");
    private static final String AUDIT_OBJECT = "list_view";

    private final TenantTx tx;
    private final PermissionService permissions;
    private final RecordService records;
    private final FilterCompiler filters;
    private final ListViewRepository repository;
    private final AuditLog audit;

    public ListViews(
            TenantTx tx,
            PermissionService permissions,
            RecordService records,
            FilterCompiler filters,
            ListViewRepository repository,
            AuditLog audit) {
        this.tx = tx;
        this.permissions = permissions;
        this.records = records;
        this.filters = filters;
        this.repository = repository;
        this.audit = audit;
    }

    public List<ListView> list(TenantContext ctx, String object) {
        records.access(ctx, object, Action.READ);
        return tx.call(ctx, dsl -> repository.visibleTo(dsl, ctx.tenant(), object, ctx.userId()));
    }

    /** A view the caller may use; 404 when it is not theirs and not shared with them. */
    public ListView get(TenantContext ctx, String object, UUID id) {
        return list(ctx, object).stream()
                .filter(v -> v.id().equals(id))
                .findFirst()
                .orElseThrow(ApiException::notFound);
    }

    /** A list request with a saved view applied: its filter joined to the request's, its sort and columns by default. */
    public ListRequest apply(TenantContext ctx, String object, UUID viewId, ListRequest request) {
        ListView view = get(ctx, object, viewId);
        String filter = view.filter() == null || blank(request.filter())
                ? (blank(request.filter()) ? view.filter() : request.filter())
                : "(" + view.filter() + ") && (" + request.filter() + ")";
        return new ListRequest(
                filter,
                request.sort() == null ? view.sort() : request.sort(),
                request.fields() == null ? view.fields() : request.fields(),
                request.limit(),
                request.cursor(),
                request.count());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public ListView create(TenantContext ctx, String object, JsonNode body) {
        ObjectAccess access = records.access(ctx, object, Action.READ);
        ListView view = read(ctx, access, JsonInput.of(body, KEYS), null);
        tx.run(ctx, dsl -> {
            repository.insert(dsl, ctx.tenant(), view);
            audit.record(dsl, ctx, AuditAction.CREATE, AUDIT_OBJECT, view.id(), FieldChange.created(values(view)));
        });
        return get(ctx, object, view.id());
    }

    public ListView update(TenantContext ctx, String object, UUID id, JsonNode body) {
        ObjectAccess access = records.access(ctx, object, Action.READ);
        ListView current = changeable(ctx, object, id);
        ListView view = read(ctx, access, JsonInput.of(body, KEYS), current);
        tx.run(ctx, dsl -> {
            if (!repository.update(dsl, ctx.tenant(), view, current.version())) {
                throw ApiException.staleVersion();
            }
            audit.record(
                    dsl, ctx, AuditAction.UPDATE, AUDIT_OBJECT, id, FieldChange.diff(values(current), values(view)));
        });
        return get(ctx, object, id);
    }

    public void delete(TenantContext ctx, String object, UUID id) {
        ListView current = changeable(ctx, object, id);
        tx.run(ctx, dsl -> {
            repository.delete(dsl, ctx.tenant(), id);
            audit.record(dsl, ctx, AuditAction.DELETE, AUDIT_OBJECT, id, FieldChange.diff(values(current), Map.of()));
        });
    }

    /** Its owner changes a view, and so do those who may change the object's definition. */
    private ListView changeable(TenantContext ctx, String object, UUID id) {
        ListView view = get(ctx, object, id);
        if (!view.ownerId().equals(ctx.userId()) && !permissions.can(ctx, ObjectNames.METADATA, Action.UPDATE)) {
            throw ApiException.forbidden();
        }
        return view;
    }

    private ListView read(TenantContext ctx, ObjectAccess access, JsonInput in, ListView current) {
        String name = current == null
                ? in.requiredText("name", 100)
                : in.optionalText("name", 100).orElse(current.name());
        String filter = pick(in, "filter", 4_000, current == null ? null : current.filter());
        String sort = pick(in, "sort", 200, current == null ? null : current.sort());
        String fields = pick(in, "fields", 2_000, current == null ? null : current.fields());
        String kanban = pick(in, "kanbanField", 41, current == null ? null : current.kanbanField());
        String visibility = in.optionalMatching("visibility", 20, VISIBILITY)
                .orElse(current == null ? ListView.PRIVATE : current.visibility());
        String role =
                in.has("role") ? in.optionalText("role", 41).orElse(null) : current == null ? null : current.role();
        UUID unit = in.has("orgUnitId")
                ? in.optionalUuid("orgUnitId").orElse(null)
                : current == null ? null : current.orgUnitId();
        in.finish();
        check(() -> filters.compile(filter, access, column -> Optional.empty()), in, "filter");
        check(() -> RecordOrder.parse(sort, access), in, "sort");
        check(() -> RecordJson.columns(access, fields), in, "fields");
        if (kanban != null
                && access.column(kanban)
                        .filter(c -> c.type() == FieldType.PICKLIST)
                        .isEmpty()) {
            in.error("kanbanField", "not_a_picklist");
        }
        if ("role".equals(visibility) && role == null) {
            in.error("role", "required");
        }
        if ("unit".equals(visibility) && unit == null) {
            in.error("orgUnitId", "required");
        }
        in.finish();
        if (!ListView.PRIVATE.equals(visibility)) {
            permissions.require(ctx, ObjectNames.METADATA, Action.UPDATE);
        }
        return new ListView(
                current == null ? UUID.randomUUID() : current.id(),
                access.object().apiName(),
                name,
                current == null ? ctx.userId() : current.ownerId(),
                visibility,
                "role".equals(visibility) ? role : null,
                "unit".equals(visibility) ? unit : null,
                filter,
                sort,
                fields,
                kanban,
                current == null ? 1 : current.version(),
                null,
                null);
    }

    private static String pick(JsonInput in, String key, int maxLength, String current) {
        return in.has(key) ? in.optionalText(key, maxLength).orElse(null) : current;
    }

    /** Runs a check that throws the records API's 400, and reports its errors under {@code field}. */
    private static void check(Runnable check, JsonInput in, String field) {
        try {
            check.run();
        } catch (ApiException e) {
            e.errors()
                    .forEach(error -> in.error(field, error.code(), error.args().toArray()));
        }
    }

    private static Map<String, Object> values(ListView view) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("object", view.object());
        values.put("name", view.name());
        values.put("visibility", view.visibility());
        values.put("role", view.role());
        values.put(
                "orgUnitId", view.orgUnitId() == null ? null : view.orgUnitId().toString());
        values.put("filter", view.filter());
        values.put("sort", view.sort());
        values.put("fields", view.fields());
        values.put("kanbanField", view.kanbanField());
        return values;
    }
}
