package com.weavecrm.web;

import com.weavecrm.followup.Deadline;
import com.weavecrm.followup.Deadlines;
import com.weavecrm.lead.IntakeResult;
import com.weavecrm.lead.LeadIntake;
import com.weavecrm.platform.tenancy.TenantContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * A lead's page shows where it came from and how it was handled — the intake trace (matched or new
 * customer, who got it and why) — and its follow-up deadlines, with the owner's confirm button.
 */
@Controller
class LeadPanels {

    private final LeadIntake intake;
    private final Deadlines deadlines;
    private final MessageSource messages;

    LeadPanels(LeadIntake intake, Deadlines deadlines, MessageSource messages) {
        this.intake = intake;
        this.deadlines = deadlines;
        this.messages = messages;
    }

    @GetMapping("/leads/{id}/panel")
    ModelAndView panel(TenantContext ctx, @PathVariable UUID id) {
        Optional<IntakeResult> trace = intake.traceOf(ctx, id);
        List<Deadline> due = deadlines.ofLead(ctx, id);
        ModelAndView page = new ModelAndView("leads/panel :: panel");
        page.addObject("leadId", id);
        List<Map<String, Object>> steps = trace.map(IntakeResult::trace).orElse(List.of());
        page.addObject("trace", steps);
        page.addObject(
                "traceLines",
                TraceLines.of(steps, messages, LocaleContextHolder.getLocale()).lines());
        page.addObject("deadlines", due);
        page.addObject(
                "pending",
                due.stream()
                        .anyMatch(d -> d.status().equals("pending") && d.kind().equals(Deadline.FIRST_RESPONSE)));
        return page;
    }

    @PostMapping("/leads/{id}/confirm")
    ModelAndView confirm(TenantContext ctx, @PathVariable UUID id) {
        deadlines.confirm(ctx, id);
        return new ModelAndView("redirect:/records/lead/" + id + "?toast=lead_confirmed");
    }
}
