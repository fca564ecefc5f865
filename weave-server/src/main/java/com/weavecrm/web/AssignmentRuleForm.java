package com.weavecrm.web;

import com.weavecrm.assignment.AssignmentRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rule form's values both ways: a rule into the inputs (text by name, members with weights), and
 * the submitted inputs into the API's body. Members are ticked users ({@code member}) each with a
 * weight input ({@code weight_<userId>}).
 */
record AssignmentRuleForm(Map<String, String> values, Map<String, Integer> members) {

    static AssignmentRuleForm empty() {
        Map<String, String> values = new HashMap<>();
        values.put("active", "true");
        values.put("condition", "");
        values.put("strategy", AssignmentRule.ROUND_ROBIN);
        return new AssignmentRuleForm(values, Map.of());
    }

    static AssignmentRuleForm of(AssignmentRule rule) {
        Map<String, String> values = new HashMap<>();
        values.put("name", rule.name());
        values.put("condition", "true".equals(rule.condition()) ? "" : rule.condition());
        values.put("strategy", rule.strategy());
        values.put("queue", Objects.requireNonNullElse(rule.queue(), ""));
        values.put("orgUnitId", rule.orgUnitId() == null ? "" : rule.orgUnitId().toString());
        values.put("dailyCap", rule.dailyCap() == null ? "" : rule.dailyCap().toString());
        values.put("workingHoursOnly", Boolean.toString(rule.workingHoursOnly()));
        values.put("active", Boolean.toString(rule.active()));
        values.put("version", Long.toString(rule.version()));
        Map<String, Integer> members = new LinkedHashMap<>();
        rule.members().forEach(m -> members.put(m.userId().toString(), m.weight()));
        return new AssignmentRuleForm(values, members);
    }

    static AssignmentRuleForm submitted(Map<String, String> params, List<String> memberIds) {
        Map<String, String> values = new HashMap<>(params);
        values.put("workingHoursOnly", Boolean.toString(params.containsKey("workingHoursOnly")));
        values.put("active", Boolean.toString(params.containsKey("active")));
        Map<String, Integer> members = new LinkedHashMap<>();
        for (String id : memberIds == null ? List.<String>of() : memberIds) {
            members.put(id, weight(params.get("weight_" + id)));
        }
        return new AssignmentRuleForm(values, members);
    }

    /** The API body (every field, so that an edit replaces the rule as shown). */
    Body body() {
        List<Map<String, Object>> list = new ArrayList<>();
        members.forEach((id, weight) -> {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("userId", id);
            member.put("weight", weight);
            list.add(member);
        });
        Object dailyCap = Body.numberOrText(values.get("dailyCap"));
        String condition = values.get("condition");
        return Body.create()
                .textOrNull("name", values.get("name"))
                .put("condition", Body.blank(condition) ? "true" : condition.strip())
                .textOrNull("strategy", values.get("strategy"))
                .textOrNull("queue", values.get("queue"))
                .textOrNull("orgUnitId", values.get("orgUnitId"))
                .put("members", list)
                .put("dailyCap", dailyCap)
                .put("workingHoursOnly", Boolean.parseBoolean(values.get("workingHoursOnly")))
                .put("active", Boolean.parseBoolean(values.get("active")));
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean isMember(String userId) {
        return members.containsKey(userId);
    }

    public int weightOf(String userId) {
        return members.getOrDefault(userId, 1);
    }

    private static int weight(String text) {
        try {
            return Body.blank(text) ? 1 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
