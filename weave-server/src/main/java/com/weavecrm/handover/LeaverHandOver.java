package com.weavecrm.handover;

import com.weavecrm.handover.internal.HandOverRepository;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.audit.AuditLog;
import com.weavecrm.platform.audit.FieldChange;
import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.organisation.UserAccount;
import com.weavecrm.platform.organisation.UserDirectory;
import com.weavecrm.platform.organisation.UserService;
import com.weavecrm.platform.records.RecordOwners;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.JsonInput;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Hands a leaver's open work to their manager or a chosen colleague, in one transaction: leads not
 * converted or lost, customers, contacts, deals not won or lost, tasks not done or cancelled (owned
 * by them, and those assigned to them get the receiver as assignee) and every record of every custom
 * object they own. Needs the {@code user} update right with the leaver in scope (else 403 / 404).
 * The receiver must be an active user of the tenant other than the leaver (400 naming {@code to}).
 */
@Service
public class LeaverHandOver {

    /** Standard objects that move, with the field whose values mark a record as closed. */
    private static final Map<String, Closed> STANDARD = Map.of(
            "lead", new Closed("status", Set.of("converted", "lost")),
            "customer", new Closed(null, Set.of()),
            "contact", new Closed(null, Set.of()),
            "deal", new Closed("stage", Set.of("won", "lost")),
            "task", new Closed("status", Set.of("done", "cancelled")));

    private static final Set<String> FIELDS = Set.of("to", "markLeft");

    private record Closed(String field, Set<String> values) {}

    private final TenantTx tx;
    private final PermissionService permissions;
    private final MetadataService metadata;
    private final UserService users;
    private final UserDirectory directory;
    private final RecordOwners owners;
    private final HandOverRepository repository;
    private final AuditLog audit;
    private final Clock clock;

    public LeaverHandOver(
            TenantTx tx,
            PermissionService permissions,
            MetadataService metadata,
            UserService users,
            UserDirectory directory,
            RecordOwners owners,
            HandOverRepository repository,
            AuditLog audit,
            Clock clock) {
        this.tx = tx;
        this.permissions = permissions;
        this.metadata = metadata;
        this.users = users;
        this.directory = directory;
        this.owners = owners;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a hand-over would move, changing nothing; {@code to} null: the leaver's manager. */
    public HandOver preview(TenantContext ctx, UUID userId, UUID to) {
        permissions.require(ctx, ObjectNames.USER, Action.UPDATE);
        UserAccount leaver = users.get(ctx, userId);
        UUID receiver = to != null ? to : leaver.managerId();
        return tx.call(ctx, dsl -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (ObjectDef object : moving(ctx)) {
                counts.put(
                        object.apiName(),
                        repository.count(
                                dsl,
                                table(ctx, object),
                                HandOverRepository.ownedOpen(userId, closedColumn(object), closed(object))));
            }
            return new HandOver(userId, receiver, counts, assigned(dsl, ctx, userId), false);
        });
    }

    /** The hand-over from {@code {"to": <user id or null for the manager>, "markLeft": true}}. */
    public HandOver handOver(TenantContext ctx, UUID userId, JsonNode body) {
        JsonInput in = JsonInput.of(body == null ? JsonNodeFactory.instance.objectNode() : body, FIELDS);
        Optional<UUID> to = in.optionalUuid("to");
        boolean markLeft = in.optionalBoolean("markLeft").orElse(false);
        in.finish();
        permissions.require(ctx, ObjectNames.USER, Action.UPDATE);
        UserAccount leaver = users.get(ctx, userId);
        UUID receiver = receiver(ctx, leaver, to.orElse(null));
        return tx.call(ctx, dsl -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            String detail = "hand-over from " + leaver.username() + " to "
                    + directory.summary(ctx, receiver).username();
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (ObjectDef object : moving(ctx)) {
                List<RecordOwners.OwnerChange> moved = owners.move(
                        dsl,
                        ctx,
                        object,
                        new RecordOwners.Move(
                                HandOverRepository.ownedOpen(userId, closedColumn(object), closed(object)),
                                receiver,
                                now,
                                0,
                                false,
                                AuditAction.UPDATE,
                                detail));
                counts.put(object.apiName(), moved.size());
            }
            int assigned = reassignTasks(dsl, ctx, userId, receiver, now, detail);
            boolean left = markLeft && !UserAccount.LEFT.equals(leaver.status());
            if (left) {
                users.update(ctx, userId, JsonNodeFactory.instance.objectNode().put("status", UserAccount.LEFT), null);
            }
            List<FieldChange> changes = new ArrayList<>();
            changes.add(new FieldChange("ownerId", userId.toString(), receiver.toString()));
            counts.forEach((object, n) -> changes.add(new FieldChange(object, null, n)));
            changes.add(new FieldChange("task.assigneeId", null, assigned));
            if (left) {
                changes.add(new FieldChange("status", leaver.status(), UserAccount.LEFT));
            }
            audit.record(dsl, ctx, AuditAction.HAND_OVER, ObjectNames.USER, userId, changes, detail);
            return new HandOver(userId, receiver, counts, assigned, left || UserAccount.LEFT.equals(leaver.status()));
        });
    }

    /** The receiver: the one chosen, else the leaver's manager; active, of this tenant, not the leaver. */
    private UUID receiver(TenantContext ctx, UserAccount leaver, UUID chosen) {
        UUID receiver = chosen != null ? chosen : leaver.managerId();
        if (receiver == null) {
            throw ApiException.badRequest("to", "required");
        }
        if (receiver.equals(leaver.id())) {
            throw ApiException.badRequest("to", "invalid_value");
        }
        UserDirectory.UserSummary summary = directory.summary(ctx, receiver);
        if (summary == null) {
            throw ApiException.badRequest("to", "not_found");
        }
        if (!UserAccount.ACTIVE.equals(summary.status())) {
            throw ApiException.badRequest("to", "not_active");
        }
        return receiver;
    }

    private int assigned(DSLContext dsl, TenantContext ctx, UUID userId) {
        Optional<ObjectDef> task = metadata.catalog(ctx).find("task");
        Optional<FieldDef> assignee = task.flatMap(t -> t.field("assigneeId"));
        if (assignee.isEmpty()) {
            return 0;
        }
        return repository.countAssigned(
                dsl,
                table(ctx, task.get()),
                assignee.get().column(),
                closedColumn(task.get()),
                closed(task.get()),
                userId);
    }

    private int reassignTasks(
            DSLContext dsl, TenantContext ctx, UUID from, UUID to, OffsetDateTime now, String detail) {
        Optional<ObjectDef> task = metadata.catalog(ctx).find("task");
        Optional<FieldDef> assignee = task.flatMap(t -> t.field("assigneeId"));
        if (assignee.isEmpty()) {
            return 0;
        }
        List<UUID> ids = repository.reassignTasks(
                dsl,
                table(ctx, task.get()),
                assignee.get().column(),
                closedColumn(task.get()),
                closed(task.get()),
                from,
                to,
                now);
        audit.recordAll(
                dsl,
                ctx,
                AuditAction.UPDATE,
                "task",
                ids.stream()
                        .map(id -> new AuditLog.RecordChanges(
                                id, List.of(new FieldChange("assigneeId", from.toString(), to.toString()))))
                        .toList(),
                detail);
        return ids.size();
    }

    /** The objects whose records move: the standard ones above and every custom object. */
    private List<ObjectDef> moving(TenantContext ctx) {
        return metadata.catalog(ctx).all().stream()
                .filter(o -> !o.standard() || STANDARD.containsKey(o.apiName()))
                .toList();
    }

    private static String closedColumn(ObjectDef object) {
        Closed closed = STANDARD.get(object.apiName());
        if (!object.standard() || closed == null || closed.field() == null) {
            return null;
        }
        return object.field(closed.field()).map(FieldDef::column).orElse(null);
    }

    private static Set<String> closed(ObjectDef object) {
        Closed closed = STANDARD.get(object.apiName());
        return !object.standard() || closed == null ? Set.of() : closed.values();
    }

    private static org.jooq.Table<?> table(TenantContext ctx, ObjectDef object) {
        return ctx.tenant().table(object.table());
    }
}
