package com.weavecrm.web;

import com.weavecrm.followup.FollowUpPolicy;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The follow-up policy form's values both ways: a policy into the inputs (text by name), and the
 * submitted inputs into the API's body — every field, so that an edit replaces the policy as shown.
 */
record FollowUpPolicyForm(Map<String, String> values) {

    /** A new policy as the issue describes the usual one: answer within 30 minutes, follow up within 48 hours. */
    static FollowUpPolicyForm empty() {
        Map<String, String> values = new HashMap<>();
        values.put("firstResponseMinutes", "30");
        values.put("followUpHours", "48");
        values.put("onBreach", FollowUpPolicy.OnBreach.NOTIFY_MANAGER.apiName());
        values.put("active", "true");
        return new FollowUpPolicyForm(values);
    }

    static FollowUpPolicyForm of(FollowUpPolicy policy) {
        Map<String, String> values = new HashMap<>();
        values.put("name", policy.name());
        values.put("condition", Objects.requireNonNullElse(policy.condition(), ""));
        values.put("firstResponseMinutes", text(policy.firstResponseMinutes()));
        values.put("followUpHours", text(policy.followUpHours()));
        values.put("onBreach", policy.onBreach().apiName());
        values.put("active", Boolean.toString(policy.active()));
        values.put("version", Long.toString(policy.version()));
        return new FollowUpPolicyForm(values);
    }

    static FollowUpPolicyForm submitted(Map<String, String> params) {
        Map<String, String> values = new HashMap<>(params);
        values.put("active", Boolean.toString(params.containsKey("active")));
        return new FollowUpPolicyForm(values);
    }

    Body body() {
        return Body.create()
                .textOrNull("name", values.get("name"))
                .textOrNull("condition", values.get("condition"))
                .put("firstResponseMinutes", Body.numberOrText(values.get("firstResponseMinutes")))
                .put("followUpHours", Body.numberOrText(values.get("followUpHours")))
                .textOrNull("onBreach", values.get("onBreach"))
                .put("active", Boolean.parseBoolean(values.get("active")));
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    private static String text(Integer number) {
        return number == null ? "" : number.toString();
    }
}
