package com.weavecrm.followup;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.weavecrm.followup.internal.DeadlineRepository;
import com.weavecrm.followup.internal.FollowUpPolicyRepository;
import com.weavecrm.platform.tenancy.Tenant;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantRegistry;
import com.weavecrm.platform.tenancy.TenantTx;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Finds breached deadlines every second, on a durable recurring task (db-scheduler: one node at a
 * time, nothing lost over a restart since the deadlines are rows), tenant by tenant, in batches: each
 * is marked breached and escalated in one transaction. Due deadlines are found through a partial index
 * on the pending ones, so 100,000 pending cost one index range scan.
 */
@Configuration(proxyBeanMethods = false)
class BreachSweep {

    private static final int BATCH = 200;

    @Bean
    RecurringTask<Void> deadlineSweepTask(TenantRegistry tenants, BreachSweeper sweeper) {
        return Tasks.recurring("followup-deadline-sweep", FixedDelay.ofSeconds(1))
                .execute((instance, context) ->
                        tenants.all().stream().filter(Tenant::isActive).forEach(sweeper::sweep));
    }

    @org.springframework.stereotype.Component
    static class BreachSweeper {

        private final TenantTx tx;
        private final DeadlineRepository deadlines;
        private final FollowUpPolicyRepository policies;
        private final Escalation escalation;
        private final Deadlines leads;
        private final LeadFollowUpFields fields;

        BreachSweeper(
                TenantTx tx,
                DeadlineRepository deadlines,
                FollowUpPolicyRepository policies,
                Escalation escalation,
                Deadlines leads,
                LeadFollowUpFields fields) {
            this.tx = tx;
            this.deadlines = deadlines;
            this.policies = policies;
            this.escalation = escalation;
            this.leads = leads;
            this.fields = fields;
        }

        /** Escalates every deadline of the tenant that is due; returns how many. */
        int sweep(Tenant tenant) {
            TenantContext system = TenantContext.system(tenant, "followup-deadline-sweep");
            int total = 0;
            int done;
            do {
                done = tx.call(system, dsl -> {
                    List<Deadline> due = deadlines.lockDue(dsl, tenant, leads.now(), BATCH);
                    if (due.isEmpty()) {
                        return 0;
                    }
                    Map<UUID, FollowUpPolicy> byId = policies.all(dsl, tenant).stream()
                            .collect(Collectors.toMap(FollowUpPolicy::id, Function.identity()));
                    for (Deadline d : due) {
                        FollowUpPolicy policy = byId.get(d.policyId());
                        FollowUpPolicy.OnBreach onBreach =
                                policy == null ? FollowUpPolicy.OnBreach.NOTIFY_MANAGER : policy.onBreach();
                        deadlines.close(dsl, tenant, List.of(d.id()), "breached", "breached", leads.now());
                        Escalation.Outcome outcome = escalation.escalate(dsl, system, d, onBreach);
                        deadlines.setOutcome(dsl, tenant, d.id(), outcome.text());
                        if (outcome.newOwner() != null && policy != null) {
                            leads.restart(dsl, system, d, policy, outcome.newOwner());
                        }
                    }
                    fields.refresh(
                            dsl, system, due.stream().map(Deadline::leadId).toList());
                    return due.size();
                });
                total += done;
            } while (done == BATCH);
            return total;
        }
    }
}
