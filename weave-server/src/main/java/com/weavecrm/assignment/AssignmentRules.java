package com.weavecrm.assignment;

import com.weavecrm.assignment.internal.AssignmentPeopleRepository;
import com.weavecrm.assignment.internal.AssignmentRuleRepository;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.audit.AuditLog;
import com.weavecrm.platform.audit.FieldChange;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.RecordExpressions;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.FieldError;
import com.weavecrm.platform.web.JsonInput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The tenant's assignment rules, in order: reading them needs the {@code settings} read right,
 * changing them the {@code settings} update right (administrators). Every change is audited.
 */
@Service
public class AssignmentRules {

    /** The audit trail's name for assignment rules. */
    public static final String AUDIT_OBJECT = "assignment_rule";

    static final int MAX_RULES = 200;

    /** How many users the member choices offer (by username). */
    public static final int MAX_CHOICES = 500;

    private final TenantTx tx;
    private final PermissionService permissions;
    private final AssignmentRuleRepository rules;
    private final AssignmentPeopleRepository people;
    private final RecordExpressions expressions;
    private final AuditLog audit;
    private final MetadataService metadata;

    public AssignmentRules(
            TenantTx tx,
            PermissionService permissions,
            AssignmentRuleRepository rules,
            AssignmentPeopleRepository people,
            RecordExpressions expressions,
            AuditLog audit,
            MetadataService metadata) {
        this.tx = tx;
        this.permissions = permissions;
        this.rules = rules;
        this.people = people;
        this.expressions = expressions;
        this.audit = audit;
        this.metadata = metadata;
    }

    public List<AssignmentRule> list(TenantContext ctx) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.READ);
        return tx.call(ctx, dsl -> rules.findAll(dsl, ctx.tenant()));
    }

    public AssignmentRule get(TenantContext ctx, UUID id) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.READ);
        return tx.call(ctx, dsl -> rules.find(dsl, ctx.tenant(), id)).orElseThrow(ApiException::notFound);
    }

    /** Active users to choose members, default owners and absences from (the first {@link #MAX_CHOICES}). */
    public List<AssignableUser> assignableUsers(TenantContext ctx) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.READ);
        return tx.call(ctx, dsl -> people.active(dsl, ctx.tenant(), MAX_CHOICES)).stream()
                .map(p -> new AssignableUser(p.id(), p.username(), p.displayName(), p.orgUnitId()))
                .toList();
    }

    public AssignmentRule create(TenantContext ctx, JsonNode body) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        JsonInput in = JsonInput.of(body, RuleInput.FIELDS);
        AssignmentRule base = new AssignmentRule(
                UUID.randomUUID(), null, 0, true, "true", null, null, null, List.of(), null, false, 1, null, null);
        AssignmentRule draft = RuleInput.read(in, base, expressions);
        return tx.call(ctx, dsl -> {
            checkReferences(dsl, ctx, draft, in);
            in.finish();
            if (rules.count(dsl, ctx.tenant()) >= MAX_RULES) {
                throw ApiException.unprocessable(
                        "problem.too_many_rules", List.of(FieldError.of("rules", "too_many", MAX_RULES)));
            }
            AssignmentRule rule = at(draft, rules.nextPosition(dsl, ctx.tenant()));
            rules.insert(dsl, ctx.tenant(), rule, ctx.userId());
            metadata.configurationChanged(dsl, ctx);
            audit.record(dsl, ctx, AuditAction.CREATE, AUDIT_OBJECT, rule.id(), FieldChange.created(values(rule)));
            return rules.find(dsl, ctx.tenant(), rule.id()).orElseThrow();
        });
    }

    public AssignmentRule update(TenantContext ctx, UUID id, JsonNode body, String ifMatch) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        JsonInput in = JsonInput.of(body, RuleInput.FIELDS);
        return tx.call(ctx, dsl -> {
            AssignmentRule current = rules.find(dsl, ctx.tenant(), id).orElseThrow(ApiException::notFound);
            long expected = IfMatch.expected(ifMatch, current.version());
            AssignmentRule changed = RuleInput.read(in, current, expressions);
            checkReferences(dsl, ctx, changed, in);
            in.finish();
            if (!rules.update(dsl, ctx.tenant(), changed, expected, ctx.userId())) {
                throw ApiException.staleVersion();
            }
            metadata.configurationChanged(dsl, ctx);
            audit.record(
                    dsl, ctx, AuditAction.UPDATE, AUDIT_OBJECT, id, FieldChange.diff(values(current), values(changed)));
            return rules.find(dsl, ctx.tenant(), id).orElseThrow();
        });
    }

    public void delete(TenantContext ctx, UUID id) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        tx.run(ctx, dsl -> {
            AssignmentRule current = rules.find(dsl, ctx.tenant(), id).orElseThrow(ApiException::notFound);
            rules.delete(dsl, ctx.tenant(), id);
            metadata.configurationChanged(dsl, ctx);
            Map<String, Object> gone = new LinkedHashMap<>();
            values(current).keySet().forEach(field -> gone.put(field, null));
            audit.record(dsl, ctx, AuditAction.DELETE, AUDIT_OBJECT, id, FieldChange.diff(values(current), gone));
        });
    }

    /** Puts the rules in the order given: every rule's id, once. */
    public List<AssignmentRule> reorder(TenantContext ctx, JsonNode body) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        JsonInput in = JsonInput.of(body, Set.of("ids"));
        List<String> given = in.stringList("ids", MAX_RULES, 36);
        in.finish();
        return tx.call(ctx, dsl -> {
            List<AssignmentRule> current = rules.findAll(dsl, ctx.tenant());
            List<UUID> ids = new ArrayList<>();
            Set<UUID> known =
                    new HashSet<>(current.stream().map(AssignmentRule::id).toList());
            for (String id : given) {
                try {
                    ids.add(UUID.fromString(id));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("ids", "invalid_item");
                }
            }
            if (ids.size() != given.size() || !known.equals(new HashSet<>(ids)) || ids.size() != known.size()) {
                throw ApiException.badRequest("ids", "not_every_rule");
            }
            for (int position = 0; position < ids.size(); position++) {
                rules.move(dsl, ctx.tenant(), ids.get(position), position, ctx.userId());
            }
            List<String> before = current.stream().map(r -> r.id().toString()).toList();
            List<String> after = ids.stream().map(UUID::toString).toList();
            if (!before.equals(after)) {
                metadata.configurationChanged(dsl, ctx);
                audit.record(
                        dsl,
                        ctx,
                        AuditAction.UPDATE,
                        AUDIT_OBJECT,
                        null,
                        List.of(new FieldChange("order", before, after)));
            }
            return rules.findAll(dsl, ctx.tenant());
        });
    }

    /** Members must be users of the tenant, the org unit one of its units. */
    private void checkReferences(DSLContext dsl, TenantContext ctx, AssignmentRule rule, JsonInput in) {
        List<UUID> ids =
                rule.members().stream().map(AssignmentRule.Member::userId).toList();
        Map<UUID, AssignmentPeopleRepository.Person> found = people.find(dsl, ctx.tenant(), ids);
        for (int i = 0; i < ids.size(); i++) {
            if (!found.containsKey(ids.get(i))) {
                in.error("members[" + i + "].userId", "not_found");
            }
        }
        if (rule.orgUnitId() != null && !people.unitExists(dsl, ctx.tenant(), rule.orgUnitId())) {
            in.error("orgUnitId", "not_found");
        }
    }

    private static AssignmentRule at(AssignmentRule rule, int position) {
        return new AssignmentRule(
                rule.id(),
                rule.name(),
                position,
                rule.active(),
                rule.condition(),
                rule.strategy(),
                rule.queue(),
                rule.orgUnitId(),
                rule.members(),
                rule.dailyCap(),
                rule.workingHoursOnly(),
                rule.version(),
                rule.createdAt(),
                rule.updatedAt());
    }

    private static Map<String, Object> values(AssignmentRule rule) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", rule.name());
        values.put("active", rule.active());
        values.put("condition", rule.condition());
        values.put("strategy", rule.strategy());
        values.put("queue", rule.queue());
        values.put(
                "orgUnitId", rule.orgUnitId() == null ? null : rule.orgUnitId().toString());
        values.put(
                "members",
                rule.members().stream()
                        .map(m -> m.userId() + (m.weight() == 1 ? "" : "×" + m.weight()))
                        .toList());
        values.put("dailyCap", rule.dailyCap());
        values.put("workingHoursOnly", rule.workingHoursOnly());
        return values;
    }
}
