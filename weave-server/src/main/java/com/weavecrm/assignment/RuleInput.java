package com.weavecrm.assignment;

import com.weavecrm.platform.metadata.RecordExpressions;
import com.weavecrm.platform.web.JsonInput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A rule as sent (create: every field; PATCH: the fields to change, null clears an optional one),
 * checked as a whole: the condition must compile to true/false over {@link LeadValues}, the
 * strategy must be known and have a pool. Every problem is collected in the {@link JsonInput}.
 */
final class RuleInput {

    static final Set<String> FIELDS = Set.of(
            "name", "active", "condition", "strategy", "queue", "orgUnitId", "members", "dailyCap", "workingHoursOnly");
    static final int MAX_MEMBERS = 200;
    static final int MAX_CONDITION = 2_000;

    private RuleInput() {}

    /** The rule the body describes over {@code base} (a new rule's defaults, or the rule being changed). */
    static AssignmentRule read(JsonInput in, AssignmentRule base, RecordExpressions expressions) {
        String name = base.name() == null || in.has("name") ? in.requiredText("name", 100) : base.name();
        boolean active = in.optionalBoolean("active").orElse(base.active());
        String condition = in.has("condition")
                ? in.optionalText("condition", MAX_CONDITION).orElse("true")
                : base.condition();
        String strategy =
                base.strategy() == null || in.has("strategy") ? in.requiredText("strategy", 40) : base.strategy();
        if (strategy != null && !AssignmentRule.STRATEGIES.contains(strategy)) {
            in.error("strategy", "invalid_value", String.join(", ", AssignmentRule.STRATEGIES));
        }
        String queue = in.has("queue") ? in.optionalText("queue", 60).orElse(null) : base.queue();
        UUID orgUnitId = in.has("orgUnitId") ? in.optionalUuid("orgUnitId").orElse(null) : base.orgUnitId();
        List<AssignmentRule.Member> members =
                in.has("members") ? members(in, in.node("members").orElse(null)) : base.members();
        Integer dailyCap =
                in.has("dailyCap") ? in.optionalInt("dailyCap", 1, 10_000).orElse(null) : base.dailyCap();
        boolean workingHoursOnly = in.optionalBoolean("workingHoursOnly").orElse(base.workingHoursOnly());
        if (condition != null) {
            expressions
                    .check(condition, LeadValues.TYPES, true)
                    .ifPresent(problem -> in.error("condition", "invalid_expression", problem));
        }
        AssignmentRule rule = new AssignmentRule(
                base.id(),
                name,
                base.position(),
                active,
                condition,
                strategy,
                AssignmentRule.QUEUE.equals(strategy) ? queue : null,
                usesPool(strategy) ? orgUnitId : null,
                usesPool(strategy) ? members : List.of(),
                dailyCap,
                workingHoursOnly,
                base.version(),
                base.createdAt(),
                base.updatedAt());
        if (AssignmentRule.QUEUE.equals(strategy) && queue == null && !in.hasErrors()) {
            in.error("queue", "required");
        }
        if (usesPool(strategy) && members.isEmpty() && orgUnitId == null && !in.hasErrors()) {
            in.error("members", "required");
        }
        return rule;
    }

    /** Whether the strategy picks from the rule's own members and org unit (territory and existing owner do not). */
    static boolean usesPool(String strategy) {
        return !AssignmentRule.TERRITORY.equals(strategy)
                && !AssignmentRule.OWNER_OF_EXISTING_CUSTOMER.equals(strategy);
    }

    private static List<AssignmentRule.Member> members(JsonInput in, JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            in.error("members", "invalid_type", "array");
            return List.of();
        }
        if (node.size() > MAX_MEMBERS) {
            in.error("members", "too_many", MAX_MEMBERS);
            return List.of();
        }
        List<AssignmentRule.Member> members = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        int index = 0;
        for (JsonNode item : node.values()) {
            String at = "members[" + index++ + "]";
            Optional<UUID> userId = userId(item);
            if (userId.isEmpty()) {
                in.error(at + ".userId", "invalid_id");
                continue;
            }
            JsonNode weight = item.isObject() ? item.path("weight") : null;
            int value = 1;
            if (weight != null && !weight.isMissingNode() && !weight.isNull()) {
                if (!weight.isIntegralNumber() || weight.asInt() < 1 || weight.asInt() > 100) {
                    in.error(at + ".weight", "out_of_range", 1, 100);
                    continue;
                }
                value = weight.asInt();
            }
            if (!seen.add(userId.get())) {
                in.error(at + ".userId", "duplicate");
                continue;
            }
            members.add(new AssignmentRule.Member(userId.get(), value));
        }
        return List.copyOf(members);
    }

    /** A member is {@code {"userId": "...", "weight": 2}} or just the user's id. */
    private static Optional<UUID> userId(JsonNode item) {
        JsonNode id = item.isObject() ? item.path("userId") : item;
        if (!id.isString()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id.asString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
