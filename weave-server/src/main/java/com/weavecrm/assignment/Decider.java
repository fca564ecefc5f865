package com.weavecrm.assignment;

import com.weavecrm.assignment.internal.AssignmentPeopleRepository;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.metadata.RecordExpressions;
import com.weavecrm.platform.tenancy.Tenant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jooq.DSLContext;

/**
 * One assignment decision: the existing customer's owner first (when the tenant keeps them), then the
 * active rules in order — a rule whose condition holds and whose strategy finds an available member
 * decides — then the existing customer's owner (when not kept first); a tenant without any active
 * rule gives the lead to whoever submitted it (as before rules existed); and finally the default
 * queue, so a lead is never left without an owner. Every step goes into the trace.
 */
final class Decider {

    static final String DEFAULT_QUEUE = "default";
    static final String SUBMITTER = "submitter";
    private static final Pattern REGION = Pattern.compile("[0-9]{2,6}");

    private final DSLContext dsl;
    private final Tenant tenant;
    private final AssignmentPeopleRepository people;
    private final RecordExpressions expressions;
    private final ObjectDef stores;
    private final Availability availability;
    private final Strategies strategies;
    private final List<Map<String, Object>> trace = new ArrayList<>();

    Decider(
            DSLContext dsl,
            Tenant tenant,
            AssignmentPeopleRepository people,
            RecordExpressions expressions,
            ObjectDef stores,
            Availability availability,
            Strategies strategies) {
        this.dsl = dsl;
        this.tenant = tenant;
        this.people = people;
        this.expressions = expressions;
        this.stores = stores;
        this.availability = availability;
        this.strategies = strategies;
    }

    AssignmentDecision decide(
            List<AssignmentRule> rules,
            boolean keepExistingOwner,
            Supplier<UUID> defaultQueueOwner,
            Map<String, ?> lead,
            UUID existingOwner,
            UUID submitter) {
        Map<String, Object> values = LeadValues.of(lead, existingOwner != null);
        Optional<Candidate> existing = Optional.ofNullable(existingOwner).flatMap(this::candidate);
        if (existing.isPresent() && keepExistingOwner) {
            Optional<AssignmentDecision> kept = existingOwner(existing.get(), true);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        for (AssignmentRule rule : rules) {
            if (!rule.active()) {
                continue;
            }
            Optional<AssignmentDecision> decided = evaluate(rule, values, existing);
            if (decided.isPresent()) {
                return decided.get();
            }
        }
        if (existing.isPresent() && !keepExistingOwner) {
            Optional<AssignmentDecision> kept = existingOwner(existing.get(), false);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        if (rules.stream().noneMatch(AssignmentRule::active) && submitter != null) {
            Optional<Candidate> self = candidate(submitter).filter(Candidate::active);
            if (self.isPresent() && availability.take(self.get(), null)) {
                trace.add(assigned(self.get(), SUBMITTER, "no_rules", "no assignment rules: the submitter"));
                return new AssignmentDecision(self.get().id(), null, List.copyOf(trace));
            }
        }
        return defaultQueue(defaultQueueOwner.get());
    }

    private Optional<AssignmentDecision> evaluate(
            AssignmentRule rule, Map<String, Object> values, Optional<Candidate> existing) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("step", "rule");
        step.put("ruleId", rule.id());
        step.put("rule", rule.name());
        step.put("strategy", rule.strategy());
        trace.add(step);
        Optional<Object> result = expressions.evaluate(rule.condition(), LeadValues.TYPES, values);
        if (!Boolean.TRUE.equals(result.orElse(null))) {
            step.put("matched", false);
            step.put("why", result.isEmpty() ? "condition_error" : "condition_false");
            return Optional.empty();
        }
        step.put("matched", true);
        Pick pick;
        String scope = "";
        switch (rule.strategy()) {
            case AssignmentRule.TERRITORY -> {
                Optional<Territory> territory = territory(values);
                if (territory.isEmpty()) {
                    step.put("why", "no_territory");
                    return Optional.empty();
                }
                scope = territory.get().scope();
                pick = strategies.pick(rule, territory.get().pool(), scope);
            }
            case AssignmentRule.OWNER_OF_EXISTING_CUSTOMER -> {
                if (existing.isEmpty()) {
                    step.put("why", "no_existing_customer");
                    return Optional.empty();
                }
                pick = strategies.pick(rule, List.of(existing.get()), scope);
            }
            default -> pick = strategies.pick(rule, pool(rule), scope);
        }
        if (!pick.skipped().isEmpty()) {
            step.put("skipped", pick.skipped());
        }
        if (pick.chosen() == null) {
            step.put("why", pick.why());
            return Optional.empty();
        }
        step.put("why", "picked");
        Map<String, Object> assigned = assigned(pick.chosen(), rule.name(), pick.why(), pick.reason());
        assigned.put("ruleId", rule.id());
        assigned.put("strategy", rule.strategy());
        String queue = AssignmentRule.QUEUE.equals(rule.strategy()) ? rule.queue() : null;
        if (queue != null) {
            assigned.put("queue", queue);
        }
        pick.details().forEach(assigned::putIfAbsent);
        trace.add(assigned);
        return Optional.of(new AssignmentDecision(pick.chosen().id(), queue, List.copyOf(trace)));
    }

    /** The existing customer's owner, when they are still here and not away; otherwise why not, in the trace. */
    private Optional<AssignmentDecision> existingOwner(Candidate owner, boolean beforeRules) {
        String why = !owner.active() ? "left" : availability.away(owner.id()) ? "on_leave" : null;
        if (why == null && availability.take(owner, null)) {
            Map<String, Object> assigned = assigned(
                    owner,
                    AssignmentRule.OWNER_OF_EXISTING_CUSTOMER,
                    "existing_customer_owner",
                    beforeRules
                            ? "owner of the existing customer (kept before the rules)"
                            : "owner of the existing customer (no rule decided)");
            trace.add(assigned);
            return Optional.of(new AssignmentDecision(owner.id(), null, List.copyOf(trace)));
        }
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("step", "existing_customer_owner");
        step.put("ownerId", owner.id());
        step.put("owner", owner.name());
        step.put("matched", false);
        step.put("why", why);
        trace.add(step);
        return Optional.empty();
    }

    private AssignmentDecision defaultQueue(UUID owner) {
        boolean anyMatched = trace.stream().anyMatch(s -> Boolean.TRUE.equals(s.get("matched")));
        String why = anyMatched ? "nobody_available" : "no_rule_matched";
        Optional<Candidate> candidate = Optional.ofNullable(owner).flatMap(this::candidate);
        candidate.ifPresent(c -> availability.take(c, null));
        Map<String, Object> assigned = candidate
                .map(c -> assigned(
                        c,
                        DEFAULT_QUEUE,
                        why,
                        "default queue: "
                                + (anyMatched ? "no matching rule had a member available" : "no rule matched")))
                .orElseGet(() -> {
                    Map<String, Object> none = new LinkedHashMap<>();
                    none.put("step", "assigned");
                    none.put("rule", DEFAULT_QUEUE);
                    none.put("why", why);
                    return none;
                });
        assigned.put("queue", DEFAULT_QUEUE);
        trace.add(assigned);
        return new AssignmentDecision(owner, DEFAULT_QUEUE, List.copyOf(trace));
    }

    /** The rule's members (in order, with weights) and then the active users of its org unit. */
    private List<Candidate> pool(AssignmentRule rule) {
        List<UUID> ids =
                rule.members().stream().map(AssignmentRule.Member::userId).toList();
        Map<UUID, AssignmentPeopleRepository.Person> found = people.find(dsl, tenant, ids);
        List<Candidate> pool = new ArrayList<>();
        Set<UUID> seen = new LinkedHashSet<>();
        for (AssignmentRule.Member member : rule.members()) {
            AssignmentPeopleRepository.Person person = found.get(member.userId());
            if (person != null && seen.add(person.id())) {
                pool.add(new Candidate(person.id(), person.displayName(), member.weight(), person.active()));
            }
        }
        if (rule.orgUnitId() != null) {
            for (AssignmentPeopleRepository.Person person : people.ofUnits(dsl, tenant, List.of(rule.orgUnitId()))) {
                if (seen.add(person.id())) {
                    pool.add(new Candidate(person.id(), person.displayName(), 1, person.active()));
                }
            }
        }
        return pool;
    }

    /** A territory: the users of the lead's store's org unit, else of the stores in the lead's region. */
    private record Territory(String scope, List<Candidate> pool) {}

    private Optional<Territory> territory(Map<String, Object> values) {
        String unitColumn = stores.field("orgUnitId").orElseThrow().column();
        String storeId = (String) values.get("storeId");
        if (!storeId.isBlank()) {
            Optional<UUID> store = uuid(storeId);
            Optional<UUID> unit = store.flatMap(id -> people.storeUnit(dsl, tenant, stores.table(), unitColumn, id))
                    .flatMap(Decider::uuid);
            if (unit.isPresent()) {
                return Optional.of(new Territory("store:" + store.get(), candidates(List.of(unit.get()))));
            }
        }
        String region = ((String) values.get("region")).strip();
        if (REGION.matcher(region).matches()) {
            String regionColumn = stores.field("region").orElseThrow().column();
            for (String prefix : prefixes(region)) {
                List<UUID> units =
                        people.regionUnits(dsl, tenant, stores.table(), regionColumn, unitColumn, prefix).stream()
                                .map(Decider::uuid)
                                .flatMap(Optional::stream)
                                .toList();
                if (!units.isEmpty()) {
                    return Optional.of(new Territory("region:" + prefix, candidates(units)));
                }
            }
        }
        return Optional.empty();
    }

    /** A region code and the codes above it, as prefixes: 310104 → 310104, 3101, 31. */
    static List<String> prefixes(String code) {
        String significant = code;
        while (significant.length() > 2 && significant.endsWith("00")) {
            significant = significant.substring(0, significant.length() - 2);
        }
        List<String> prefixes = new ArrayList<>();
        for (int length = significant.length(); length >= 2; length -= 2) {
            prefixes.add(significant.substring(0, length));
        }
        return prefixes;
    }

    private List<Candidate> candidates(List<UUID> units) {
        return people.ofUnits(dsl, tenant, units).stream()
                .map(p -> new Candidate(p.id(), p.displayName(), 1, p.active()))
                .toList();
    }

    private Optional<Candidate> candidate(UUID id) {
        return Optional.ofNullable(people.find(dsl, tenant, List.of(id)).get(id))
                .map(p -> new Candidate(p.id(), p.displayName(), 1, p.active()));
    }

    private static Map<String, Object> assigned(Candidate owner, String rule, String why, String reason) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("step", "assigned");
        step.put("ownerId", owner.id());
        step.put("owner", owner.name());
        step.put("rule", rule);
        step.put("why", why);
        step.put("reason", reason);
        return step;
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
