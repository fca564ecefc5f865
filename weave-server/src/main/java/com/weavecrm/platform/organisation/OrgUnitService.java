package com.weavecrm.platform.organisation;

import static org.jooq.impl.DSL.trueCondition;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.audit.AuditLog;
import com.weavecrm.platform.audit.FieldChange;
import com.weavecrm.platform.organisation.internal.OrgUnitRepository;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.FieldError;
import com.weavecrm.platform.web.JsonInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The org-unit tree. Reads and writes are limited to the units within the caller's scope on {@code
 * org_unit} (unit scope: the caller's own unit and everything below it).
 */
@Service
public class OrgUnitService {

    public static final int MAX_DEPTH = 12;
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_]{1,30}");
    private static final Set<String> FIELDS = Set.of("name", "parentId", "kind", "sortOrder");

    private final TenantTx tx;
    private final PermissionService permissions;
    private final OrgUnitRepository repository;
    private final AuditLog audit;

    public OrgUnitService(TenantTx tx, PermissionService permissions, OrgUnitRepository repository, AuditLog audit) {
        this.tx = tx;
        this.permissions = permissions;
        this.repository = repository;
        this.audit = audit;
    }

    public List<OrgUnit> list(TenantContext ctx) {
        permissions.require(ctx, ObjectNames.ORG_UNIT, Action.READ);
        return tx.call(ctx, dsl -> repository.findAll(dsl, ctx.tenant(), scope(ctx, Action.READ)));
    }

    public OrgUnit get(TenantContext ctx, UUID id) {
        permissions.require(ctx, ObjectNames.ORG_UNIT, Action.READ);
        return tx.call(ctx, dsl -> repository.find(dsl, ctx.tenant(), id, scope(ctx, Action.READ)))
                .orElseThrow(ApiException::notFound);
    }

    public OrgUnit create(TenantContext ctx, JsonNode body) {
        permissions.require(ctx, ObjectNames.ORG_UNIT, Action.CREATE);
        JsonInput in = JsonInput.of(body, FIELDS);
        String name = in.requiredText("name", 100);
        String kind = in.optionalMatching("kind", 31, KIND).orElse("store");
        Optional<UUID> parentId = in.optionalUuid("parentId");
        int sortOrder = in.optionalInt("sortOrder", 0, 1_000_000).orElse(0);
        return tx.call(ctx, dsl -> {
            OrgUnit parent = parentId.isPresent()
                    ? repository
                            .find(dsl, ctx.tenant(), parentId.get(), scope(ctx, Action.CREATE))
                            .orElse(null)
                    : repository
                            .findRoot(dsl, ctx.tenant())
                            .filter(root -> inScope(dsl, ctx, root, Action.CREATE))
                            .orElse(null);
            if (parent == null && !in.hasErrors()) {
                in.error("parentId", parentId.isPresent() ? "not_found" : "required");
            }
            if (parent != null && parent.depth() + 1 >= MAX_DEPTH) {
                in.error("parentId", "too_deep", MAX_DEPTH);
            }
            in.finish();
            if (repository.siblingNameTaken(dsl, ctx.tenant(), parent.id(), name, null)) {
                throw ApiException.duplicate("name");
            }
            UUID id = UUID.randomUUID();
            OrgUnit unit = new OrgUnit(
                    id,
                    parent.id(),
                    name,
                    kind,
                    parent.path() + id + "/",
                    parent.depth() + 1,
                    sortOrder,
                    1,
                    null,
                    null);
            repository.insert(dsl, ctx.tenant(), unit);
            audit.record(dsl, ctx, AuditAction.CREATE, ObjectNames.ORG_UNIT, id, FieldChange.created(values(unit)));
            return repository.find(dsl, ctx.tenant(), id, trueCondition()).orElseThrow();
        });
    }

    /** Creates the root of a new tenant's tree (kind {@code hq}). */
    public OrgUnit createRoot(DSLContext dsl, TenantContext ctx, String name) {
        UUID id = UUID.randomUUID();
        OrgUnit root = new OrgUnit(id, null, name, OrgUnit.HQ, "/" + id + "/", 0, 0, 1, null, null);
        repository.insert(dsl, ctx.tenant(), root);
        audit.record(dsl, ctx, AuditAction.CREATE, ObjectNames.ORG_UNIT, id, FieldChange.created(values(root)));
        return root;
    }

    public OrgUnit update(TenantContext ctx, UUID id, JsonNode body, String ifMatch) {
        permissions.require(ctx, ObjectNames.ORG_UNIT, Action.UPDATE);
        JsonInput in = JsonInput.of(body, FIELDS);
        Optional<String> name = in.optionalText("name", 100);
        Optional<String> kind = in.optionalMatching("kind", 31, KIND);
        Optional<UUID> parentId = in.optionalUuid("parentId");
        Optional<Integer> sortOrder = in.optionalInt("sortOrder", 0, 1_000_000);
        in.finish();
        return tx.call(ctx, dsl -> {
            OrgUnit unit = repository
                    .find(dsl, ctx.tenant(), id, scope(ctx, Action.UPDATE))
                    .orElseThrow(ApiException::notFound);
            long expected = Versions.expected(ifMatch, unit.version());
            OrgUnit changed = new OrgUnit(
                    unit.id(),
                    unit.parentId(),
                    name.orElse(unit.name()),
                    kind.orElse(unit.kind()),
                    unit.path(),
                    unit.depth(),
                    sortOrder.orElse(unit.sortOrder()),
                    unit.version(),
                    unit.createdAt(),
                    unit.updatedAt());
            if (parentId.isPresent() && !parentId.get().equals(unit.parentId())) {
                move(dsl, ctx, unit, parentId.get());
                changed = new OrgUnit(
                        changed.id(),
                        parentId.get(),
                        changed.name(),
                        changed.kind(),
                        changed.path(),
                        changed.depth(),
                        changed.sortOrder(),
                        changed.version(),
                        changed.createdAt(),
                        changed.updatedAt());
            }
            if (repository.siblingNameTaken(dsl, ctx.tenant(), changed.parentId(), changed.name(), id)) {
                throw ApiException.duplicate("name");
            }
            if (!repository.update(dsl, ctx.tenant(), changed, expected)) {
                throw ApiException.staleVersion();
            }
            audit.record(
                    dsl,
                    ctx,
                    AuditAction.UPDATE,
                    ObjectNames.ORG_UNIT,
                    id,
                    FieldChange.diff(values(unit), values(changed)));
            return repository.find(dsl, ctx.tenant(), id, trueCondition()).orElseThrow();
        });
    }

    public void delete(TenantContext ctx, UUID id) {
        permissions.require(ctx, ObjectNames.ORG_UNIT, Action.DELETE);
        tx.run(ctx, dsl -> {
            OrgUnit unit = repository
                    .find(dsl, ctx.tenant(), id, scope(ctx, Action.DELETE))
                    .orElseThrow(ApiException::notFound);
            if (unit.isRoot() || repository.hasChildrenOrUsers(dsl, ctx.tenant(), id)) {
                throw new ApiException(
                        HttpStatus.CONFLICT, "problem.org_unit_not_empty", List.of(FieldError.of("id", "not_empty")));
            }
            repository.delete(dsl, ctx.tenant(), id);
            audit.record(
                    dsl, ctx, AuditAction.DELETE, ObjectNames.ORG_UNIT, id, FieldChange.diff(values(unit), Map.of()));
        });
    }

    private void move(DSLContext dsl, TenantContext ctx, OrgUnit unit, UUID newParentId) {
        if (unit.isRoot()) {
            throw ApiException.badRequest("parentId", "root_cannot_move");
        }
        OrgUnit parent = repository
                .find(dsl, ctx.tenant(), newParentId, scope(ctx, Action.UPDATE))
                .orElseThrow(() -> ApiException.badRequest("parentId", "not_found"));
        if (parent.path().startsWith(unit.path())) {
            throw ApiException.badRequest("parentId", "cycle");
        }
        repository.moveSubtree(dsl, ctx.tenant(), unit, parent);
    }

    private boolean inScope(DSLContext dsl, TenantContext ctx, OrgUnit unit, Action action) {
        return repository.find(dsl, ctx.tenant(), unit.id(), scope(ctx, action)).isPresent();
    }

    private Condition scope(TenantContext ctx, Action action) {
        return permissions.unitScope(ctx, ObjectNames.ORG_UNIT, action, OrgUnitRepository.PATH);
    }

    private static Map<String, Object> values(OrgUnit unit) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", unit.name());
        values.put("kind", unit.kind());
        values.put("parentId", unit.parentId() == null ? null : unit.parentId().toString());
        values.put("sortOrder", unit.sortOrder());
        return values;
    }
}
