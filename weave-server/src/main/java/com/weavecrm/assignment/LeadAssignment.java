package com.weavecrm.assignment;

import com.weavecrm.assignment.internal.AssignmentAbsenceRepository;
import com.weavecrm.assignment.internal.AssignmentPeopleRepository;
import com.weavecrm.assignment.internal.AssignmentRuleRepository;
import com.weavecrm.assignment.internal.AssignmentSettingsRepository;
import com.weavecrm.assignment.internal.AssignmentTurnRepository;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.RecordExpressions;
import com.weavecrm.platform.metadata.VersionedCache;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.JsonInput;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Decides who gets a lead, by the tenant's rules (see {@link Decider} for the order), and explains it
 * in a trace. Intake calls {@link #assign} inside its own transaction, so the rotation and the day's
 * counts move with the lead or not at all; {@link #test} answers the same question without writing.
 */
@Service
public class LeadAssignment {

    private final TenantTx tx;
    private final PermissionService permissions;
    private final AssignmentRuleRepository rules;
    private final AssignmentPeopleRepository people;
    private final AssignmentTurnRepository turns;
    private final AssignmentAbsenceRepository absences;
    private final AssignmentSettingsService settings;
    private final MetadataService metadata;
    private final RecordExpressions expressions;
    private final Clock clock;
    /** The rules by metadata version: every change of a rule moves it ({@link AssignmentRules}). */
    private final VersionedCache<List<AssignmentRule>> cachedRules = new VersionedCache<>();

    public LeadAssignment(
            TenantTx tx,
            PermissionService permissions,
            AssignmentRuleRepository rules,
            AssignmentPeopleRepository people,
            AssignmentTurnRepository turns,
            AssignmentAbsenceRepository absences,
            AssignmentSettingsService settings,
            MetadataService metadata,
            RecordExpressions expressions,
            Clock clock) {
        this.tx = tx;
        this.permissions = permissions;
        this.rules = rules;
        this.people = people;
        this.turns = turns;
        this.absences = absences;
        this.settings = settings;
        this.metadata = metadata;
        this.expressions = expressions;
        this.clock = clock;
    }

    /**
     * Who gets the lead ({@code lead}: api name → value, see {@link LeadValues}), inside the caller's
     * transaction; {@code existingCustomerOwner} is the owner of the customer the person matched, if any.
     */
    public AssignmentDecision assign(
            DSLContext dsl, TenantContext ctx, Map<String, ?> lead, UUID existingCustomerOwner) {
        return decide(dsl, ctx, lead, existingCustomerOwner, false);
    }

    /**
     * A dry run: {@code {"lead": {...}, "existingCustomerOwnerId": "..."}} → the decision and its trace,
     * with nothing written (no rotation moves, no lead counted).
     */
    public AssignmentDecision test(TenantContext ctx, JsonNode body) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.READ);
        JsonInput in = JsonInput.of(body, Set.of("lead", "existingCustomerOwnerId"));
        Optional<UUID> owner = in.optionalUuid("existingCustomerOwnerId");
        Map<String, Object> lead = new LinkedHashMap<>();
        in.node("lead").ifPresent(node -> readLead(in, node, lead));
        in.finish();
        return tx.call(ctx, dsl -> decide(dsl, ctx, lead, owner.orElse(null), true));
    }

    private AssignmentDecision decide(
            DSLContext dsl, TenantContext ctx, Map<String, ?> lead, UUID existingOwner, boolean dryRun) {
        AssignmentSettingsRepository.Stored current = settings.stored(dsl, ctx);
        ZonedDateTime now = clock.instant().atZone(settings.zone(ctx));
        Availability availability = new Availability(
                dsl, ctx.tenant(), absences, turns, now, AssignmentSettingsService.workingHours(current), dryRun);
        Strategies strategies =
                new Strategies(dsl, ctx.tenant(), turns, people, metadata.object(ctx, "lead"), availability, dryRun);
        Decider decider = new Decider(
                dsl, ctx.tenant(), people, expressions, metadata.object(ctx, "store"), availability, strategies);
        return decider.decide(
                cachedRules.get(ctx, () -> List.copyOf(rules.findAll(dsl, ctx.tenant()))),
                current.keepExistingOwner(),
                () -> settings.defaultQueueOwner(dsl, ctx, current),
                lead,
                existingOwner,
                ctx.userId());
    }

    private static void readLead(JsonInput in, JsonNode node, Map<String, Object> lead) {
        if (!node.isObject()) {
            in.error("lead", "invalid_type", "object");
            return;
        }
        for (var entry : node.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (!LeadValues.TYPES.containsKey(key) || key.equals(LeadValues.EXISTING_CUSTOMER)) {
                in.error("lead." + key, "unknown_field");
            } else if (value.isNumber()) {
                lead.put(key, value.decimalValue());
            } else if (value.isString() || value.isBoolean()) {
                lead.put(key, value.asString());
            } else if (!value.isNull()) {
                in.error("lead." + key, "invalid_type", "string");
            }
        }
    }
}
