package com.weavecrm.api;

import com.weavecrm.platform.organisation.TenantAdministration;
import com.weavecrm.platform.security.AuthenticatedUser;
import com.weavecrm.platform.tenancy.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/platform/tenants")
@Tag(name = "Platform")
class PlatformTenantController {

    private final TenantAdministration tenants;

    PlatformTenantController(TenantAdministration tenants) {
        this.tenants = tenants;
    }

    record TenantView(UUID id, String slug, String name, String status, OffsetDateTime createdAt) {
        static TenantView of(Tenant t) {
            return new TenantView(t.id(), t.slug(), t.name(), t.status().dbValue(), t.createdAt());
        }
    }

    @GetMapping
    @Operation(summary = "Every tenant (platform administrators only)")
    Map<String, List<TenantView>> list(AuthenticatedUser caller) {
        return Map.of("data", tenants.list(caller).stream().map(TenantView::of).toList());
    }

    @PostMapping
    @Operation(summary = "Create a tenant {slug, name, adminUsername, adminPassword} (platform administrators only)")
    ResponseEntity<TenantView> create(
            AuthenticatedUser caller, @Body(ApiSchemas.TenantInput.class) @RequestBody JsonNode body) {
        Tenant tenant = tenants.create(caller, body);
        return ResponseEntity.created(URI.create("/api/v1/platform/tenants/" + tenant.slug()))
                .body(TenantView.of(tenant));
    }
}
