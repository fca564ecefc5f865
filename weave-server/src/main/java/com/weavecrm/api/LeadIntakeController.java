package com.weavecrm.api;

import com.weavecrm.lead.IntakeResult;
import com.weavecrm.lead.LeadIntake;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/leads")
@Tag(name = "Leads")
class LeadIntakeController {

    private final LeadIntake intake;

    LeadIntakeController(LeadIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/intake")
    @Operation(
            summary = "Take a lead in from any channel: matched to an existing customer or a new one, given an owner,"
                    + " with the trace of each step. Body: name, company, phone, email, wechatId, channel, campaign,"
                    + " utm {source, medium, campaign, term, content}, consent. Needs a phone, an e-mail or a WeChat id."
                    + " The same content within a minute answers 200 with the first result and creates nothing.")
    ResponseEntity<Map<String, Object>> intake(TenantContext ctx, @RequestBody JsonNode body) {
        IntakeResult result = intake.intake(ctx, body);
        return ResponseEntity.status(result.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(json(result));
    }

    @GetMapping("/{id}/trace")
    @Operation(summary = "How a lead was taken in: the customer it was matched to or created, who got it and why")
    Map<String, Object> trace(TenantContext ctx, @PathVariable UUID id) {
        return intake.traceOf(ctx, id).map(LeadIntakeController::json).orElseThrow(ApiException::notFound);
    }

    /** The answer CONTRACT §5 gives, to a token and to a form key alike. */
    static Map<String, Object> json(IntakeResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("leadId", result.leadId());
        out.put("customerId", result.customerId());
        out.put("ownerId", result.ownerId());
        out.put("duplicateOf", result.duplicateOf());
        out.put("trace", result.trace());
        return out;
    }
}
