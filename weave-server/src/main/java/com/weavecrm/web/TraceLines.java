package com.weavecrm.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * An intake's trace in words of the reader's language: one line per step (received, the customer
 * matched with the evidence or created, the rules evaluated — each matched or not and why, with the
 * members passed over —, the choice and its reason), from the codes and values the trace stores.
 */
record TraceLines(List<Line> lines) {

    /** One step: an icon, its sentence, and its details (members passed over, duplicate evidence). */
    record Line(String kind, String icon, String text, List<String> details) {}

    static TraceLines of(List<Map<String, Object>> trace, MessageSource messages, Locale locale) {
        List<Line> lines = new ArrayList<>();
        for (Map<String, Object> step : trace) {
            String kind = String.valueOf(step.get("step"));
            switch (kind) {
                case "rule" ->
                    lines.add(new Line(
                            kind,
                            Boolean.TRUE.equals(step.get("matched")) ? "bi-check2-circle" : "bi-dash-circle",
                            msg(
                                    messages,
                                    locale,
                                    "ui.trace.rule",
                                    step.get("rule"),
                                    msg(messages, locale, "ui.assignment.why." + step.get("why"))),
                            skipped(step, messages, locale)));
                case "existing_customer_owner" ->
                    lines.add(new Line(
                            kind,
                            "bi-person-dash",
                            msg(
                                    messages,
                                    locale,
                                    "ui.trace.existingOwner",
                                    step.get("owner"),
                                    msg(messages, locale, "ui.assignment.why." + step.get("why"))),
                            List.of()));
                case "assigned" ->
                    lines.add(new Line(
                            kind,
                            "bi-person-check",
                            msg(
                                    messages,
                                    locale,
                                    "ui.trace.assigned",
                                    step.getOrDefault("owner", step.get("ownerId")),
                                    reason(step, messages, locale)),
                            List.of()));
                case "matched_customer" ->
                    lines.add(new Line(
                            kind,
                            "bi-person-lines-fill",
                            msg(messages, locale, "ui.leads.step.matched_customer")
                                    + (step.get("score") == null
                                            ? ""
                                            : " " + msg(messages, locale, "ui.leads.score", step.get("score"))),
                            evidence(step, messages, locale)));
                default ->
                    lines.add(new Line(
                            kind,
                            "bi-dot",
                            msg(messages, locale, "ui.leads.step." + kind)
                                    + (step.get("channel") == null ? "" : " · " + step.get("channel"))
                                    + (step.get("form") instanceof Map<?, ?> form
                                            ? " · " + msg(messages, locale, "ui.trace.receivedForm", form.get("name"))
                                            : ""),
                            List.of()));
            }
        }
        return new TraceLines(lines);
    }

    private static String reason(Map<String, Object> step, MessageSource messages, Locale locale) {
        if (step.get("why") == null) {
            return msg(messages, locale, "ui.leads.rule." + step.get("rule"));
        }
        String why = String.valueOf(step.get("why"));
        String reason = switch (why) {
            case "round_robin_next" -> msg(messages, locale, "ui.assignment.reason." + why, step.get("after"));
            case "weighted" ->
                msg(messages, locale, "ui.assignment.reason.weighted", step.get("weight"), step.get("totalWeight"));
            case "least_loaded" ->
                step.containsKey("nextOpenLeads")
                        ? msg(
                                messages,
                                locale,
                                "ui.assignment.reason.least_loaded_vs",
                                step.get("openLeads"),
                                step.get("nextOpenLeads"))
                        : msg(messages, locale, "ui.assignment.reason.least_loaded", step.get("openLeads"));
            case "queue_default_user", "queue_next_available" ->
                msg(messages, locale, "ui.assignment.reason." + why, step.get("queue"));
            default -> msg(messages, locale, "ui.assignment.reason." + why);
        };
        if (step.get("territory") != null) {
            reason = msg(messages, locale, "ui.assignment.reason.territory", step.get("territory")) + reason;
        }
        return reason;
    }

    private static List<String> evidence(Map<String, Object> step, MessageSource messages, Locale locale) {
        List<String> evidence = new ArrayList<>();
        if (step.get("reasons") instanceof List<?> list) {
            list.forEach(code -> evidence.add(msg(messages, locale, "dedupe.reason." + code)));
        }
        return evidence;
    }

    private static List<String> skipped(Map<String, Object> step, MessageSource messages, Locale locale) {
        List<String> skipped = new ArrayList<>();
        if (step.get("skipped") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> skip) {
                    skipped.add(
                            skip.get("name") + ": " + msg(messages, locale, "ui.assignment.why." + skip.get("why")));
                }
            }
        }
        return skipped;
    }

    private static String msg(MessageSource messages, Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
