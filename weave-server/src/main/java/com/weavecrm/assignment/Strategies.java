package com.weavecrm.assignment;

import com.weavecrm.assignment.internal.AssignmentPeopleRepository;
import com.weavecrm.assignment.internal.AssignmentTurnRepository;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.tenancy.Tenant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * How each strategy orders a pool and picks from it. Rotations (round robin, weighted, territory) and
 * least loaded lock their rule's counter row first, so concurrent intakes take turns and each sees the
 * leads the one before it gave; a dry run reads the counter without locking or moving it.
 */
final class Strategies {

    /** Lead statuses that no longer count as open work for least loaded. */
    static final Set<String> CLOSED = Set.of("converted", "lost");

    private final DSLContext dsl;
    private final Tenant tenant;
    private final AssignmentTurnRepository turns;
    private final AssignmentPeopleRepository people;
    private final ObjectDef leads;
    private final Availability availability;
    private final boolean dryRun;

    Strategies(
            DSLContext dsl,
            Tenant tenant,
            AssignmentTurnRepository turns,
            AssignmentPeopleRepository people,
            ObjectDef leads,
            Availability availability,
            boolean dryRun) {
        this.dsl = dsl;
        this.tenant = tenant;
        this.turns = turns;
        this.people = people;
        this.leads = leads;
        this.availability = availability;
        this.dryRun = dryRun;
    }

    /** Picks from {@code pool} by the rule's strategy; {@code scope} names a territory's own rotation. */
    Pick pick(AssignmentRule rule, List<Candidate> pool, String scope) {
        List<Map<String, Object>> skipped = new ArrayList<>();
        if (pool.isEmpty()) {
            return Pick.nobody("empty_pool", skipped);
        }
        return switch (rule.strategy()) {
            case AssignmentRule.ROUND_ROBIN, AssignmentRule.TERRITORY -> rotate(rule, pool, scope, skipped);
            case AssignmentRule.WEIGHTED -> weighted(rule, pool, skipped);
            case AssignmentRule.LEAST_LOADED -> leastLoaded(rule, pool, skipped);
            case AssignmentRule.QUEUE -> queue(rule, pool, skipped);
            default ->
                first(rule, pool, skipped)
                        .map(c -> new Pick(
                                c, "existing_customer_owner", "owner of the existing customer", Map.of(), skipped))
                        .orElseGet(() -> Pick.nobody(Availability.nobody(skipped), skipped));
        };
    }

    private Pick rotate(AssignmentRule rule, List<Candidate> pool, String scope, List<Map<String, Object>> skipped) {
        AssignmentTurnRepository.Turn turn = turn(rule, scope);
        int start = (int) Math.floorMod(turn.next(), (long) pool.size());
        List<Candidate> ordered = new ArrayList<>(pool.subList(start, pool.size()));
        ordered.addAll(pool.subList(0, start));
        Optional<Candidate> chosen = first(rule, ordered, skipped);
        if (chosen.isEmpty()) {
            return Pick.nobody(Availability.nobody(skipped), skipped);
        }
        advance(rule, scope, pool.indexOf(chosen.get()) + 1L, chosen.get());
        String after = turn.lastUserId() == null ? null : name(pool, turn.lastUserId());
        Map<String, Object> details = new LinkedHashMap<>();
        String prefix = scope.isEmpty() ? "round robin" : "territory " + scope + ", round robin";
        details.put("poolSize", pool.size());
        if (!scope.isEmpty()) {
            details.put("territory", scope);
        }
        if (after == null) {
            return new Pick(chosen.get(), "round_robin_first", prefix + ": first in turn", details, skipped);
        }
        details.put("after", after);
        return new Pick(chosen.get(), "round_robin_next", prefix + ": next after " + after, details, skipped);
    }

    private Pick weighted(AssignmentRule rule, List<Candidate> pool, List<Map<String, Object>> skipped) {
        AssignmentTurnRepository.Turn turn = turn(rule, "");
        List<Integer> weights = pool.stream().map(Candidate::weight).toList();
        List<Candidate> ordered = WeightedTurns.order(weights, turn.next()).stream()
                .map(pool::get)
                .toList();
        Optional<Candidate> chosen = first(rule, ordered, skipped);
        if (chosen.isEmpty()) {
            return Pick.nobody(Availability.nobody(skipped), skipped);
        }
        advance(rule, "", turn.next() + 1, chosen.get());
        int total = weights.stream().mapToInt(Integer::intValue).sum();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("weight", chosen.get().weight());
        details.put("totalWeight", total);
        return new Pick(
                chosen.get(),
                "weighted",
                "weighted: weight " + chosen.get().weight() + " of " + total,
                details,
                skipped);
    }

    private Pick leastLoaded(AssignmentRule rule, List<Candidate> pool, List<Map<String, Object>> skipped) {
        turn(rule, "");
        Map<UUID, Integer> open = people.openLeads(
                dsl,
                tenant,
                leads.table(),
                leads.field("status").orElseThrow().column(),
                CLOSED,
                pool.stream().map(Candidate::id).toList());
        List<Candidate> ordered = pool.stream()
                .sorted(Comparator.comparing((Candidate c) -> open.getOrDefault(c.id(), 0))
                        .thenComparing(pool::indexOf))
                .toList();
        Optional<Candidate> chosen = first(rule, ordered, skipped);
        if (chosen.isEmpty()) {
            return Pick.nobody(Availability.nobody(skipped), skipped);
        }
        int load = open.getOrDefault(chosen.get().id(), 0);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("openLeads", load);
        String reason = "least loaded: " + load + " open leads";
        int index = ordered.indexOf(chosen.get());
        if (index + 1 < ordered.size()) {
            int next = open.getOrDefault(ordered.get(index + 1).id(), 0);
            details.put("nextOpenLeads", next);
            reason += " vs " + next;
        }
        return new Pick(chosen.get(), "least_loaded", reason, details, skipped);
    }

    private Pick queue(AssignmentRule rule, List<Candidate> pool, List<Map<String, Object>> skipped) {
        Optional<Candidate> chosen = first(rule, pool, skipped);
        if (chosen.isEmpty()) {
            return Pick.nobody(Availability.nobody(skipped), skipped);
        }
        boolean isDefault = chosen.get().equals(pool.getFirst());
        return new Pick(
                chosen.get(),
                isDefault ? "queue_default_user" : "queue_next_available",
                "queue " + rule.queue() + ": " + (isDefault ? "the queue's default user" : "next available member"),
                Map.of("queue", rule.queue()),
                skipped);
    }

    private Optional<Candidate> first(AssignmentRule rule, List<Candidate> ordered, List<Map<String, Object>> skipped) {
        return availability.first(ordered, rule.dailyCap(), rule.workingHoursOnly(), skipped);
    }

    private AssignmentTurnRepository.Turn turn(AssignmentRule rule, String scope) {
        return dryRun ? turns.peek(dsl, tenant, rule.id(), scope) : turns.lock(dsl, tenant, rule.id(), scope);
    }

    private void advance(AssignmentRule rule, String scope, long next, Candidate chosen) {
        if (!dryRun) {
            turns.advance(dsl, tenant, rule.id(), scope, next, chosen.id());
        }
    }

    private String name(List<Candidate> pool, UUID id) {
        return pool.stream()
                .filter(c -> c.id().equals(id))
                .map(Candidate::name)
                .findFirst()
                .orElseGet(() -> Optional.ofNullable(
                                people.find(dsl, tenant, List.of(id)).get(id))
                        .map(AssignmentPeopleRepository.Person::displayName)
                        .orElse(id.toString()));
    }
}
