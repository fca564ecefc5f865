package com.weavecrm.api;

import com.weavecrm.assignment.Absence;
import com.weavecrm.assignment.Absences;
import com.weavecrm.assignment.AssignmentDecision;
import com.weavecrm.assignment.AssignmentRule;
import com.weavecrm.assignment.AssignmentRules;
import com.weavecrm.assignment.AssignmentSettings;
import com.weavecrm.assignment.AssignmentSettingsService;
import com.weavecrm.assignment.LeadAssignment;
import com.weavecrm.platform.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/assignment-rules")
@Tag(name = "Lead assignment")
class AssignmentRuleController {

    private static final String PATH = "/api/v1/assignment-rules";

    private final AssignmentRules rules;
    private final AssignmentSettingsService settings;
    private final Absences absences;
    private final LeadAssignment assignment;

    AssignmentRuleController(
            AssignmentRules rules, AssignmentSettingsService settings, Absences absences, LeadAssignment assignment) {
        this.rules = rules;
        this.settings = settings;
        this.absences = absences;
        this.assignment = assignment;
    }

    @GetMapping
    @Operation(summary = "The assignment rules in the order they are evaluated (needs the settings read right)")
    Map<String, List<AssignmentRule>> list(TenantContext ctx) {
        return Map.of("data", rules.list(ctx));
    }

    @PostMapping
    @Operation(
            summary = "Add a rule at the end (admin). The condition is CEL over the lead (name, company, phone, email,"
                    + " wechatId, channel, campaign, region, industry, storeId, language, utmSource…utmContent: text;"
                    + " amount: number; existingCustomer: bool) and must compile to true/false, else 400 naming"
                    + " condition. strategy: round_robin, weighted, least_loaded, territory, queue,"
                    + " owner_of_existing_customer; members [{userId, weight}] and/or orgUnitId form the pool")
    ResponseEntity<AssignmentRule> create(
            TenantContext ctx, @Body(ApiSchemas.AssignmentRuleInput.class) @RequestBody JsonNode body) {
        AssignmentRule rule = rules.create(ctx, body);
        return ResponseEntity.created(URI.create(PATH + "/" + rule.id())).body(rule);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One rule")
    AssignmentRule get(TenantContext ctx, @PathVariable UUID id) {
        return rules.get(ctx, id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a rule (admin); If-Match: <version>, 409 when stale; null clears an optional value")
    AssignmentRule update(
            TenantContext ctx,
            @PathVariable UUID id,
            @Body(ApiSchemas.AssignmentRuleInput.class) @RequestBody JsonNode body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return rules.update(ctx, id, body, ifMatch);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a rule (admin)")
    ResponseEntity<Void> delete(TenantContext ctx, @PathVariable UUID id) {
        rules.delete(ctx, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/order")
    @Operation(summary = "Put the rules in a new order: {\"ids\": [every rule's id, first evaluated first]} (admin)")
    Map<String, List<AssignmentRule>> reorder(
            TenantContext ctx, @Body(ApiSchemas.AssignmentRuleOrder.class) @RequestBody JsonNode body) {
        return Map.of("data", rules.reorder(ctx, body));
    }

    @PostMapping("/test")
    @Operation(
            summary = "Dry run: {\"lead\": {channel, region, amount, …}, \"existingCustomerOwnerId\"} → who would get"
                    + " the lead, its queue and the trace (each rule evaluated, matched or not and why, then the"
                    + " choice); nothing is written, no rotation moves")
    AssignmentDecision test(TenantContext ctx, @Body(ApiSchemas.AssignmentTest.class) @RequestBody JsonNode body) {
        return assignment.test(ctx, body);
    }

    @GetMapping("/settings")
    @Operation(
            summary = "Default queue owner (defaultOwnerId as set, defaultQueueOwnerId in effect: the first"
                    + " administrator when unset), keepExistingOwner, workingHours {days, from, to}")
    AssignmentSettings settings(TenantContext ctx) {
        return settings.get(ctx);
    }

    @PatchMapping("/settings")
    @Operation(summary = "Change the assignment settings (admin); If-Match: <version>")
    AssignmentSettings updateSettings(
            TenantContext ctx,
            @Body(ApiSchemas.AssignmentSettingsInput.class) @RequestBody JsonNode body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return settings.update(ctx, body, ifMatch);
    }

    @GetMapping("/absences")
    @Operation(summary = "Current and coming absences (leave), soonest first; userId narrows to one user")
    Map<String, List<Absence>> absences(TenantContext ctx, @RequestParam(required = false) UUID userId) {
        return Map.of("data", absences.list(ctx, userId));
    }

    @PostMapping("/absences")
    @Operation(
            summary = "Record an absence {userId, from, to, note} (admin): ISO date-times with offset, or dates in the"
                    + " tenant's time zone (to as a date includes that day); no rule gives the user leads meanwhile")
    ResponseEntity<Absence> addAbsence(
            TenantContext ctx, @Body(ApiSchemas.AbsenceInput.class) @RequestBody JsonNode body) {
        Absence absence = absences.create(ctx, body);
        return ResponseEntity.created(URI.create(PATH + "/absences/" + absence.id()))
                .body(absence);
    }

    @DeleteMapping("/absences/{id}")
    @Operation(summary = "Remove an absence (admin)")
    ResponseEntity<Void> removeAbsence(TenantContext ctx, @PathVariable UUID id) {
        absences.delete(ctx, id);
        return ResponseEntity.noContent().build();
    }
}
