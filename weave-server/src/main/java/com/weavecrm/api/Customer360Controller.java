package com.weavecrm.api;

import com.weavecrm.customer.Customer360;
import com.weavecrm.platform.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers")
class Customer360Controller {

    private final Customer360 customers;

    Customer360Controller(Customer360 customers) {
        this.customers = customers;
    }

    @GetMapping("/{id}/360")
    @Operation(
            summary = "The customer 360° view: profile, owner, store, contacts, deals by stage, activity timeline "
                    + "(activitiesCursor, activitiesLimit), open tasks, tickets, tags, scores")
    Map<String, Object> view(
            TenantContext ctx,
            @PathVariable UUID id,
            @RequestParam(required = false) String activitiesCursor,
            @RequestParam(required = false) String activitiesLimit) {
        int limit = activitiesLimit == null ? 20 : PageLimits.parse(activitiesLimit);
        return customers.of(ctx, id, activitiesCursor, limit);
    }
}
