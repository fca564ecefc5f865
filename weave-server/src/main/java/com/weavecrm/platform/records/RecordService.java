package com.weavecrm.platform.records;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.ObjectCatalog;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.records.internal.FilterCompiler;
import com.weavecrm.platform.records.internal.RecordOrder;
import com.weavecrm.platform.records.internal.RecordRepository;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Reads records of any object for the caller: rights (403), data scope (rows outside read as 404),
 * field security (hidden fields absent, unfilterable, unsortable). Writes go through {@link
 * RecordWriter}.
 */
@Service
public class RecordService {

    private final TenantTx tx;
    private final PermissionService permissions;
    private final MetadataService metadata;
    private final RecordRepository repository;
    private final FilterCompiler filters;

    public RecordService(
            TenantTx tx,
            PermissionService permissions,
            MetadataService metadata,
            RecordRepository repository,
            FilterCompiler filters) {
        this.tx = tx;
        this.permissions = permissions;
        this.metadata = metadata;
        this.repository = repository;
        this.filters = filters;
    }

    /** The object and what the caller may see of it; 404 for an unknown object, 403 without the right. */
    public ObjectAccess access(TenantContext ctx, String objectApiName, Action action) {
        ObjectDef object = metadata.object(ctx, objectApiName);
        permissions.require(ctx, object.apiName(), action);
        return ObjectAccess.of(object, permissions.policy(ctx));
    }

    public RecordPage list(TenantContext ctx, String objectApiName, ListRequest request) {
        ObjectAccess access = access(ctx, objectApiName, Action.READ);
        ObjectCatalog catalog = metadata.catalog(ctx);
        List<Column> columns = RecordJson.columns(access, request.fields());
        RecordOrder order = RecordOrder.parse(request.sort(), access);
        Condition filter = filters.compile(request.filter(), access, column -> lookup(ctx, catalog, column));
        Condition scope = scope(ctx, access.object(), Action.READ);
        List<Column> selected = new ArrayList<>(columns);
        order.keys().stream()
                .map(RecordOrder.Key::column)
                .filter(c -> !selected.contains(c))
                .forEach(selected::add);
        return tx.call(ctx, dsl -> {
            List<Map<String, Object>> rows = repository.list(
                    dsl,
                    ctx.tenant(),
                    access.object(),
                    selected,
                    filter.and(scope).and(order.after(request.cursor())),
                    order.orderBy(),
                    request.limit() + 1);
            boolean more = rows.size() > request.limit();
            List<Map<String, Object>> page = more ? rows.subList(0, request.limit()) : rows;
            RecordRepository.Count count =
                    request.count() ? repository.count(dsl, ctx.tenant(), access.object(), filter.and(scope)) : null;
            return new RecordPage(
                    page.stream().map(row -> RecordJson.of(columns, row)).toList(),
                    more ? order.cursor(page.get(page.size() - 1)) : null,
                    count == null ? null : count.value(),
                    count == null || !count.estimate() ? null : Boolean.TRUE);
        });
    }

    public Map<String, Object> get(TenantContext ctx, String objectApiName, UUID id) {
        ObjectAccess access = access(ctx, objectApiName, Action.READ);
        return tx.call(ctx, dsl -> read(dsl, ctx, access, id)).orElseThrow(ApiException::notFound);
    }

    /** A record the caller may read, inside a running tenant transaction. */
    Optional<Map<String, Object>> read(DSLContext dsl, TenantContext ctx, ObjectAccess access, UUID id) {
        List<Column> columns = List.copyOf(access.readable().values());
        return repository
                .find(
                        dsl,
                        ctx.tenant(),
                        access.object(),
                        columns,
                        RecordRepository.ID.eq(id).and(scope(ctx, access.object(), Action.READ)),
                        false)
                .map(row -> RecordJson.of(columns, row));
    }

    /** A record just written by the caller (who knows it exists), with the fields they may read. */
    Map<String, Object> readUnscoped(DSLContext dsl, TenantContext ctx, ObjectAccess access, UUID id) {
        List<Column> columns = List.copyOf(access.readable().values());
        return repository
                .find(dsl, ctx.tenant(), access.object(), columns, RecordRepository.ID.eq(id), false)
                .map(row -> RecordJson.of(columns, row))
                .orElseThrow(ApiException::notFound);
    }

    /**
     * A page of records matching {@code where} — a condition built by a capability from its own
     * knowledge of the object (a customer's contacts), not from user input — within the caller's scope.
     */
    public RecordPage related(
            TenantContext ctx, String objectApiName, Condition where, String sort, int limit, String cursor) {
        ObjectAccess access = access(ctx, objectApiName, Action.READ);
        List<Column> columns = List.copyOf(access.readable().values());
        RecordOrder order = RecordOrder.parse(sort, access);
        return tx.call(ctx, dsl -> {
            List<Map<String, Object>> rows = repository.list(
                    dsl,
                    ctx.tenant(),
                    access.object(),
                    columns,
                    where.and(scope(ctx, access.object(), Action.READ)).and(order.after(cursor)),
                    order.orderBy(),
                    limit + 1);
            boolean more = rows.size() > limit;
            List<Map<String, Object>> page = more ? rows.subList(0, limit) : rows;
            return new RecordPage(
                    page.stream().map(row -> RecordJson.of(columns, row)).toList(),
                    more ? order.cursor(page.get(page.size() - 1)) : null,
                    null,
                    null);
        });
    }

    /**
     * Records by id with the fields the caller may read, whatever their data scope: for a capability
     * that grants access of its own (a public pool shows its records to the users who may claim them).
     * Needs the read right on the object; ids of deleted or absent records are left out.
     */
    public Map<UUID, Map<String, Object>> readGranted(
            TenantContext ctx, String objectApiName, java.util.Collection<UUID> ids) {
        ObjectAccess access = access(ctx, objectApiName, Action.READ);
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Column> columns = List.copyOf(access.readable().values());
        return tx.call(ctx, dsl -> {
            Map<UUID, Map<String, Object>> found = new java.util.LinkedHashMap<>();
            repository
                    .list(
                            dsl,
                            ctx.tenant(),
                            access.object(),
                            columns,
                            RecordRepository.ID.in(ids),
                            List.of(),
                            ids.size())
                    .forEach(row -> found.put((UUID) row.get("id"), RecordJson.of(columns, row)));
            return found;
        });
    }

    /**
     * The SQL of a filter an administrator wrote for the product's own use (a public pool's
     * condition): over every field of the object, without field security or data scope, lookups
     * followed to any record. An invalid filter is a 400 naming {@code filter}.
     */
    public Condition productFilter(TenantContext ctx, ObjectDef object, String filter) {
        TenantContext product = TenantContext.system(ctx.tenant(), ctx.requestId());
        ObjectCatalog catalog = metadata.catalog(ctx);
        return filters.compile(
                filter,
                ObjectAccess.of(object, permissions.policy(product)),
                column -> lookup(product, catalog, column));
    }

    /** Checks that {@code filter} is a valid filter of the object (400 naming the problem if not). */
    public void checkFilter(String filter, ObjectAccess access) {
        filters.compile(filter, access, column -> Optional.empty());
    }

    Condition scope(TenantContext ctx, ObjectDef object, Action action) {
        return permissions.scope(ctx, object.apiName(), action, RecordRepository.OWNER_ID);
    }

    /** Where a lookup of the caller's object leads, if the caller may read the target. */
    Optional<FilterCompiler.LookupTarget> lookup(TenantContext ctx, ObjectCatalog catalog, Column column) {
        String target = column.definition() == null ? null : column.definition().target();
        if (target == null || catalog.find(target).isEmpty() || !permissions.can(ctx, target, Action.READ)) {
            return Optional.empty();
        }
        ObjectDef object = catalog.find(target).orElseThrow();
        return Optional.of(new FilterCompiler.LookupTarget(
                ObjectAccess.of(object, permissions.policy(ctx)),
                RecordRepository.table(ctx.tenant(), object),
                scope(ctx, object, Action.READ).and(RecordRepository.DELETED_AT.isNull())));
    }
}
