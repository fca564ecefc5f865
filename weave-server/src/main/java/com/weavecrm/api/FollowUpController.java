package com.weavecrm.api;

import com.weavecrm.followup.Deadline;
import com.weavecrm.followup.Deadlines;
import com.weavecrm.followup.FollowUpPolicies;
import com.weavecrm.followup.FollowUpPolicy;
import com.weavecrm.followup.FollowUpPolicyOrder;
import com.weavecrm.followup.FollowUpStats;
import com.weavecrm.platform.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@Tag(name = "Follow-up deadlines")
class FollowUpController {

    private final FollowUpPolicies policies;
    private final Deadlines deadlines;
    private final FollowUpStats stats;
    private final FollowUpPolicyOrder order;

    FollowUpController(FollowUpPolicies policies, Deadlines deadlines, FollowUpStats stats, FollowUpPolicyOrder order) {
        this.policies = policies;
        this.deadlines = deadlines;
        this.stats = stats;
        this.order = order;
    }

    @GetMapping("/api/v1/follow-up/policies")
    @Operation(summary = "Follow-up policies in the order they are tried")
    Map<String, Object> list(TenantContext ctx) {
        return Map.of(
                "data",
                policies.list(ctx).stream().map(FollowUpController::json).toList());
    }

    @PostMapping("/api/v1/follow-up/policies")
    @Operation(
            summary = "Add a policy: {name, condition (CEL over the lead), firstResponseMinutes, followUpHours,"
                    + " onBreach: notify_manager | reassign_to_manager | return_to_pool, active} (admin)")
    ResponseEntity<Map<String, Object>> create(TenantContext ctx, @RequestBody JsonNode body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(json(policies.create(ctx, body)));
    }

    @PatchMapping("/api/v1/follow-up/policies/{id}")
    @Operation(summary = "Change a policy; If-Match: <version> refuses a stale change with 409 (admin)")
    Map<String, Object> update(
            TenantContext ctx,
            @PathVariable UUID id,
            @RequestBody JsonNode body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return json(policies.update(ctx, id, body, ifMatch));
    }

    @DeleteMapping("/api/v1/follow-up/policies/{id}")
    @Operation(summary = "Remove a policy; running deadlines keep going (admin)")
    ResponseEntity<Void> delete(TenantContext ctx, @PathVariable UUID id) {
        policies.delete(ctx, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/follow-up/policies/order")
    @Operation(summary = "Put the policies in a new order: {\"ids\": [every policy's id, first tried first]} (admin)")
    Map<String, Object> reorder(TenantContext ctx, @RequestBody JsonNode body) {
        return Map.of(
                "data",
                order.reorder(ctx, body).stream().map(FollowUpController::json).toList());
    }

    @GetMapping("/api/v1/leads/{id}/deadlines")
    @Operation(summary = "A lead's deadlines: kind, owner, due, status (pending, met, breached, cancelled) and outcome")
    Map<String, Object> ofLead(TenantContext ctx, @PathVariable UUID id) {
        return Map.of("data", deadlines.ofLead(ctx, id));
    }

    @PostMapping("/api/v1/leads/{id}/confirm")
    @Operation(summary = "The owner confirms the lead: its first-response deadline is met")
    Map<String, Object> confirm(TenantContext ctx, @PathVariable UUID id) {
        List<Deadline> after = deadlines.confirm(ctx, id);
        return Map.of("data", after);
    }

    @GetMapping("/api/v1/follow-up/stats")
    @Operation(
            summary = "Follow-up figures per owner, store or channel over the deadlines started in the last days (or"
                    + " from/to, ISO dates in the tenant's time zone, both included): leads, median and average minutes"
                    + " to the first response, follow-ups in time, late and open, the in-time rate")
    Map<String, Object> stats(
            TenantContext ctx,
            @RequestParam(required = false) String by,
            @RequestParam(required = false, defaultValue = "30") int days,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        if (from != null || to != null) {
            return Map.of("data", stats.by(ctx, by, stats.days(ctx, from, to)));
        }
        return Map.of("data", stats.by(ctx, by, days));
    }

    private static Map<String, Object> json(FollowUpPolicy p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.id());
        out.put("name", p.name());
        out.put("position", p.position());
        out.put("condition", p.condition());
        out.put("firstResponseMinutes", p.firstResponseMinutes());
        out.put("followUpHours", p.followUpHours());
        out.put("onBreach", p.onBreach().apiName());
        out.put("active", p.active());
        out.put("version", p.version());
        return out;
    }
}
