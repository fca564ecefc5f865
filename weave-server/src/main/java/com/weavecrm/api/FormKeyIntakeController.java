package com.weavecrm.api;

import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.RequestIdFilter;
import com.weavecrm.platform.web.RequestLocales;
import com.weavecrm.webform.Accepted;
import com.weavecrm.webform.PublicForms;
import com.weavecrm.webform.Visitor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The intake called as a web form: {@code X-Form-Key} instead of a token. The caller is the form, not a
 * user, and this is the only call a form key opens. The answer is CONTRACT §5's (lead, customer,
 * owner, duplicate, trace) plus the form's thank-you message; see ADR 0006 on what that tells the
 * holder of a public key, and the rate limit that bounds it.
 */
@RestController
@Tag(name = "Leads")
class FormKeyIntakeController {

    private final PublicForms forms;
    private final RequestLocales locales;

    FormKeyIntakeController(PublicForms forms, RequestLocales locales) {
        this.forms = forms;
        this.locales = locales;
    }

    @PostMapping(
            value = "/api/v1/leads/intake",
            headers = {"X-Form-Key", "!Authorization"})
    @Operation(
            summary = "Take a lead in as a web form (X-Form-Key, no token): the form's fields, utm, consent;"
                    + " channel and campaign are the form's. 429 beyond 10 per minute and address;"
                    + " a filled websiteUrl (honeypot) is answered as accepted and creates nothing.")
    ResponseEntity<Map<String, Object>> intake(
            @RequestHeader("X-Form-Key") String key, @RequestBody JsonNode body, HttpServletRequest request) {
        Visitor visitor = new Visitor(request.getRemoteAddr(), RequestIdFilter.of(request), locales.of(request));
        Accepted accepted;
        try {
            accepted = forms.submit(key, body, visitor);
        } catch (ApiException e) {
            throw e.status() == HttpStatus.NOT_FOUND ? ApiException.unauthorized() : e;
        }
        Map<String, Object> out;
        if (accepted.intake() != null) {
            out = LeadIntakeController.json(accepted.intake());
        } else {
            out = new LinkedHashMap<>();
            out.put("leadId", accepted.leadId());
            out.put("customerId", null);
            out.put("ownerId", null);
            out.put("duplicateOf", null);
            out.put("trace", java.util.List.of());
        }
        out.put("message", accepted.thankYou());
        return ResponseEntity.status(HttpStatus.CREATED).body(out);
    }
}
