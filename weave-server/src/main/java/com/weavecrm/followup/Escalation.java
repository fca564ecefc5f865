package com.weavecrm.followup;

import com.weavecrm.lead.LeadNotices;
import com.weavecrm.notification.Notice;
import com.weavecrm.notification.NoticeKinds;
import com.weavecrm.notification.NoticeText;
import com.weavecrm.notification.Notifications;
import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.audit.AuditLog;
import com.weavecrm.platform.audit.FieldChange;
import com.weavecrm.platform.organisation.UserAccount;
import com.weavecrm.platform.organisation.UserService;
import com.weavecrm.platform.records.RecordWriter;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.pool.PublicPool;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a breached deadline does, as its policy says: the owner's manager is told, or the lead goes to
 * the manager (whose own deadlines then start), or the lead goes back to the public pool (the first
 * pool of leads whose condition it meets; with none, the manager is named as for a notice). Every
 * breach is audited on the lead with what was done.
 */
@Component
class Escalation {

    private final UserService users;
    private final RecordWriter writer;
    private final AuditLog audit;
    private final JsonMapper json;
    private final PublicPool pools;
    private final Notifications notifications;
    private final LeadNotices leadNotices;

    Escalation(
            UserService users,
            RecordWriter writer,
            AuditLog audit,
            JsonMapper json,
            PublicPool pools,
            Notifications notifications,
            LeadNotices leadNotices) {
        this.users = users;
        this.writer = writer;
        this.audit = audit;
        this.json = json;
        this.pools = pools;
        this.notifications = notifications;
        this.leadNotices = leadNotices;
    }

    /** What a breach did: a sentence for the record, and the new owner when the lead was reassigned. */
    record Outcome(String text, UUID newOwner) {}

    /** Acts on a breach and says what it did. */
    Outcome escalate(DSLContext dsl, TenantContext system, Deadline deadline, FollowUpPolicy.OnBreach onBreach) {
        Optional<UUID> manager = managerOf(system, deadline.ownerId());
        String outcome;
        UUID newOwner = null;
        if (onBreach == FollowUpPolicy.OnBreach.REASSIGN_TO_MANAGER && manager.isPresent()) {
            var body = json.createObjectNode().put("ownerId", manager.get().toString());
            Map<String, Object> lead = writer.update(system, "lead", deadline.leadId(), body, null);
            leadNotices.escalated(
                    dsl,
                    system,
                    lead,
                    deadline.ownerId(),
                    manager.get(),
                    deadline.kind(),
                    "lead_assigned:" + deadline.id());
            outcome = "reassigned to " + manager.get();
            newOwner = manager.get();
        } else {
            Optional<UUID> pool = onBreach == FollowUpPolicy.OnBreach.RETURN_TO_POOL
                    ? pools.returnToPool(dsl, system, "lead", deadline.leadId(), deadline.kind() + " deadline missed")
                    : Optional.empty();
            outcome = pool.map(p -> "returned to pool " + p)
                    .orElseGet(() -> manager.map(m -> "manager " + m + " told").orElse("no manager to tell"));
        }
        tell(dsl, system, deadline, deadline.ownerId(), outcome);
        manager.ifPresent(m -> tell(dsl, system, deadline, m, outcome));
        audit.record(
                dsl,
                system,
                AuditAction.DEADLINE_BREACH,
                "lead",
                deadline.leadId(),
                List.of(
                        new FieldChange("deadline", deadline.kind(), outcome),
                        new FieldChange("dueAt", null, deadline.dueAt().toString())));
        return new Outcome(outcome, newOwner);
    }

    /** The in-app notice (and e-mail or group bot, as the recipient and tenant chose) of a breach. */
    private void tell(DSLContext dsl, TenantContext system, Deadline deadline, UUID recipient, String outcome) {
        if (recipient == null) {
            return;
        }
        notifications.notify(
                dsl,
                system,
                Notice.of(
                                recipient,
                                NoticeKinds.SLA_BREACH,
                                NoticeText.of("notification.sla_breach.title", deadline.kind()))
                        .withBody(NoticeText.of("notification.sla_breach.body", outcome))
                        .about("lead", deadline.leadId())
                        .once("sla_breach:" + deadline.id() + ":" + recipient));
    }

    private Optional<UUID> managerOf(TenantContext system, UUID owner) {
        if (owner == null) {
            return Optional.empty();
        }
        try {
            UserAccount account = users.get(system, owner);
            return Optional.ofNullable(account.managerId());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
