package com.weavecrm.followup;

import com.weavecrm.followup.internal.DeadlineRepository;
import com.weavecrm.followup.internal.FollowUpPolicyRepository;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.metadata.RecordExpressions;
import com.weavecrm.platform.metadata.VersionedCache;
import com.weavecrm.platform.records.RecordService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * The deadlines a lead's owner runs against: started when the lead is created (by the first active
 * policy whose condition the lead meets), met when the owner confirms, moves the lead on from
 * {@code new} or logs an activity with its customer, started again for the new owner on a transfer,
 * cancelled when the lead is deleted.
 */
@Service
public class Deadlines {

    /** Statuses that end the follow-up as well as the first response. */
    private static final Set<String> SETTLED = Set.of("qualified", "converted", "lost");

    private final TenantTx tx;
    private final DeadlineRepository deadlines;
    private final FollowUpPolicyRepository policies;
    private final RecordExpressions expressions;
    private final RecordService records;
    private final PermissionService permissions;
    private final LeadFollowUpFields fields;
    private final Clock clock;
    /** The policies by metadata version: every change of a policy moves it ({@link FollowUpPolicies}). */
    private final VersionedCache<List<FollowUpPolicy>> cachedPolicies = new VersionedCache<>();

    public Deadlines(
            TenantTx tx,
            DeadlineRepository deadlines,
            FollowUpPolicyRepository policies,
            RecordExpressions expressions,
            RecordService records,
            PermissionService permissions,
            LeadFollowUpFields fields,
            Clock clock) {
        this.tx = tx;
        this.deadlines = deadlines;
        this.policies = policies;
        this.expressions = expressions;
        this.records = records;
        this.permissions = permissions;
        this.fields = fields;
        this.clock = clock;
    }

    /** A lead's deadlines, oldest first (404 outside the caller's scope). */
    public List<Deadline> ofLead(TenantContext ctx, UUID lead) {
        records.get(ctx, "lead", lead);
        return tx.call(ctx, dsl -> deadlines.ofLead(dsl, ctx.tenant(), lead));
    }

    /** The owner (or anyone who may update the lead) confirms it: the first response is met. */
    public List<Deadline> confirm(TenantContext ctx, UUID lead) {
        records.get(ctx, "lead", lead);
        permissions.require(ctx, "lead", Action.UPDATE);
        return tx.call(ctx, dsl -> {
            meet(dsl, ctx, List.of(lead), Set.of(Deadline.FIRST_RESPONSE), "confirmed");
            return deadlines.ofLead(dsl, ctx.tenant(), lead);
        });
    }

    void leadWritten(
            DSLContext dsl,
            TenantContext ctx,
            ObjectDef lead,
            UUID id,
            Map<String, Object> before,
            Map<String, Object> after) {
        OffsetDateTime now = now();
        if (after == null) {
            closePending(
                    dsl, ctx, List.of(id), Set.of(Deadline.FIRST_RESPONSE, Deadline.FOLLOW_UP), "cancelled", "deleted");
            return;
        }
        if (before.isEmpty()) {
            String status = (String) after.get("status");
            if (status == null || status.equals("new")) {
                policyFor(dsl, ctx, lead, after).ifPresent(p -> {
                    start(dsl, ctx, id, p, after.get("ownerId"), now, null);
                    fields.refresh(dsl, ctx, List.of(id));
                });
            }
            return;
        }
        if (!Objects.equals(before.get("ownerId"), after.get("ownerId"))) {
            transfer(dsl, ctx, id, after.get("ownerId"), now);
        }
        String was = (String) before.get("status");
        String is = (String) after.get("status");
        if (Objects.equals(was, is)) {
            return;
        }
        if ("new".equals(was)) {
            meet(dsl, ctx, List.of(id), Set.of(Deadline.FIRST_RESPONSE), "status " + is);
        }
        if (SETTLED.contains(is)) {
            meet(dsl, ctx, List.of(id), Set.of(Deadline.FOLLOW_UP), "status " + is);
        }
    }

    /**
     * Owners moved around the record writer (a pool claim or return, a hand-over): the open deadlines
     * of those leads end, and start afresh for the new owner — or stay ended when the leads went to a
     * pool (no owner to run against; a claim does not start new ones).
     */
    void ownersMoved(DSLContext dsl, TenantContext ctx, List<UUID> leads, UUID newOwner) {
        List<Deadline> open =
                deadlines.pendingOf(dsl, ctx.tenant(), leads, Set.of(Deadline.FIRST_RESPONSE, Deadline.FOLLOW_UP));
        if (open.isEmpty()) {
            return;
        }
        OffsetDateTime now = now();
        deadlines.close(
                dsl,
                ctx.tenant(),
                open.stream().map(Deadline::id).toList(),
                "cancelled",
                newOwner == null ? "returned to pool" : "transferred to " + newOwner,
                now);
        if (newOwner != null) {
            Map<UUID, FollowUpPolicy> byId = new java.util.HashMap<>();
            policies.all(dsl, ctx.tenant()).forEach(p -> byId.put(p.id(), p));
            for (Deadline d : open) {
                FollowUpPolicy policy = byId.get(d.policyId());
                if (policy != null) {
                    start(dsl, ctx, d.leadId(), policy, newOwner, now, Set.of(d.kind()));
                }
            }
        }
        fields.refresh(dsl, ctx, open.stream().map(Deadline::leadId).toList());
    }

    /** An activity with a customer answers every open deadline of that customer's leads. */
    void activityLogged(DSLContext dsl, TenantContext ctx, ObjectDef lead, UUID customer, String kind) {
        String column = lead.field("customerId").orElseThrow().column();
        List<UUID> leads = deadlines.pendingLeadsOfCustomer(dsl, ctx.tenant(), lead.table(), column, customer);
        if (!leads.isEmpty()) {
            meet(dsl, ctx, leads, Set.of(Deadline.FIRST_RESPONSE, Deadline.FOLLOW_UP), "activity " + kind);
        }
    }

    private Optional<FollowUpPolicy> policyFor(
            DSLContext dsl, TenantContext ctx, ObjectDef lead, Map<String, Object> values) {
        return cachedPolicies.get(ctx, () -> List.copyOf(policies.all(dsl, ctx.tenant()))).stream()
                .filter(FollowUpPolicy::active)
                .filter(p -> p.condition() == null
                        || expressions
                                .evaluate(p.condition(), lead, values)
                                .map(Boolean.TRUE::equals)
                                .orElse(false))
                .findFirst();
    }

    private void start(
            DSLContext dsl,
            TenantContext ctx,
            UUID lead,
            FollowUpPolicy policy,
            Object owner,
            OffsetDateTime now,
            Set<String> only) {
        UUID ownerId = owner == null ? null : UUID.fromString(owner.toString());
        if (policy.firstResponseMinutes() != null && (only == null || only.contains(Deadline.FIRST_RESPONSE))) {
            deadlines.insert(
                    dsl,
                    ctx.tenant(),
                    new Deadline(
                            UUID.randomUUID(),
                            lead,
                            policy.id(),
                            Deadline.FIRST_RESPONSE,
                            ownerId,
                            now,
                            now.plus(Duration.ofMinutes(policy.firstResponseMinutes())),
                            "pending",
                            null,
                            null));
        }
        if (policy.followUpHours() != null && (only == null || only.contains(Deadline.FOLLOW_UP))) {
            deadlines.insert(
                    dsl,
                    ctx.tenant(),
                    new Deadline(
                            UUID.randomUUID(),
                            lead,
                            policy.id(),
                            Deadline.FOLLOW_UP,
                            ownerId,
                            now,
                            now.plus(Duration.ofHours(policy.followUpHours())),
                            "pending",
                            null,
                            null));
        }
    }

    /** The breached deadline again, from now, for the owner the lead was escalated to. */
    void restart(DSLContext dsl, TenantContext ctx, Deadline breached, FollowUpPolicy policy, UUID owner) {
        start(dsl, ctx, breached.leadId(), policy, owner, now(), Set.of(breached.kind()));
        fields.refresh(dsl, ctx, List.of(breached.leadId()));
    }

    /** The new owner gets the open deadlines afresh; the old ones end as transferred. */
    private void transfer(DSLContext dsl, TenantContext ctx, UUID lead, Object newOwner, OffsetDateTime now) {
        List<Deadline> open = deadlines.pendingOf(
                dsl, ctx.tenant(), List.of(lead), Set.of(Deadline.FIRST_RESPONSE, Deadline.FOLLOW_UP));
        if (open.isEmpty()) {
            return;
        }
        deadlines.close(
                dsl,
                ctx.tenant(),
                open.stream().map(Deadline::id).toList(),
                "cancelled",
                "transferred to " + newOwner,
                now);
        for (Deadline d : open) {
            policies.find(dsl, ctx.tenant(), d.policyId())
                    .ifPresent(p -> start(dsl, ctx, lead, p, newOwner, now, Set.of(d.kind())));
        }
        fields.refresh(dsl, ctx, List.of(lead));
    }

    private void meet(DSLContext dsl, TenantContext ctx, List<UUID> leads, Set<String> kinds, String how) {
        closePending(dsl, ctx, leads, kinds, "met", how);
    }

    private void closePending(
            DSLContext dsl, TenantContext ctx, List<UUID> leads, Set<String> kinds, String status, String outcome) {
        List<UUID> open = deadlines.pendingOf(dsl, ctx.tenant(), leads, kinds).stream()
                .map(Deadline::id)
                .toList();
        if (!open.isEmpty()) {
            deadlines.close(dsl, ctx.tenant(), open, status, outcome, now());
            fields.refresh(dsl, ctx, leads);
        }
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
