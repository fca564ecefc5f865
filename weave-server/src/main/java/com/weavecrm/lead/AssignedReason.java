package com.weavecrm.lead;

import com.weavecrm.notification.NoticeText;
import java.util.List;
import java.util.Map;

/**
 * The reason of an assignment, from the {@code assigned} step of an intake's trace, as a text in the
 * reader's language: the same words the lead's page shows for the choice.
 */
final class AssignedReason {

    private AssignedReason() {}

    /** The reason of the trace's choice; the plain rule when the trace has no choice with a reason. */
    static NoticeText of(List<Map<String, Object>> trace) {
        Map<String, Object> step = trace.stream()
                .filter(s -> "assigned".equals(s.get("step")))
                .reduce((a, b) -> b)
                .orElse(Map.of());
        Object why = step.get("why");
        if (why == null) {
            return NoticeText.of("ui.leads.rule." + step.getOrDefault("rule", "submitter"));
        }
        String key = "ui.assignment.reason." + why;
        return switch (why.toString()) {
            case "round_robin_next" -> NoticeText.of(key, step.get("after"));
            case "weighted" -> NoticeText.of(key, step.get("weight"), step.get("totalWeight"));
            case "least_loaded" ->
                step.containsKey("nextOpenLeads")
                        ? NoticeText.of(key + "_vs", step.get("openLeads"), step.get("nextOpenLeads"))
                        : NoticeText.of(key, step.get("openLeads"));
            case "queue_default_user", "queue_next_available" -> NoticeText.of(key, step.get("queue"));
            default -> NoticeText.of(key);
        };
    }
}
