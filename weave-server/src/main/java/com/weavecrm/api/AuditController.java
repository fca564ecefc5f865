package com.weavecrm.api;

import com.weavecrm.platform.audit.AuditFilter;
import com.weavecrm.platform.audit.AuditPage;
import com.weavecrm.platform.audit.AuditQuery;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
class AuditController {

    private final AuditQuery audit;

    AuditController(AuditQuery audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Audit entries, newest first; filter by object, recordId, userId, action, from, to")
    AuditPage list(
            TenantContext ctx,
            @RequestParam(required = false) String object,
            @RequestParam(required = false) String recordId,
            @RequestParam(required = false) UUID userId,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String limit) {
        AuditFilter filter = new AuditFilter(
                blankToNull(object),
                blankToNull(recordId),
                userId,
                blankToNull(action),
                time("from", from),
                time("to", to));
        return audit.list(ctx, filter, cursor, PageLimits.parse(limit));
    }

    private static OffsetDateTime time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, "invalid_datetime");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
