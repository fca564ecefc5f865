package com.weavecrm.api;

import com.weavecrm.platform.organisation.OrgUnit;
import com.weavecrm.platform.organisation.OrgUnitService;
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
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/admin/org-units")
@Tag(name = "Administration")
class OrgUnitController {

    private final OrgUnitService units;

    OrgUnitController(OrgUnitService units) {
        this.units = units;
    }

    @GetMapping
    @Operation(summary = "Org units within the caller's scope, parents before children")
    Map<String, List<OrgUnit>> list(TenantContext ctx) {
        return Map.of("data", units.list(ctx));
    }

    @PostMapping
    @Operation(summary = "Create an org unit {name, parentId, kind}; parentId defaults to the root")
    ResponseEntity<OrgUnit> create(TenantContext ctx, @Body(ApiSchemas.OrgUnitInput.class) @RequestBody JsonNode body) {
        OrgUnit unit = units.create(ctx, body);
        return ResponseEntity.created(URI.create("/api/v1/admin/org-units/" + unit.id()))
                .body(unit);
    }

    @GetMapping("/{id}")
    OrgUnit get(TenantContext ctx, @PathVariable UUID id) {
        return units.get(ctx, id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Rename, re-kind or move an org unit (with its subtree)")
    OrgUnit update(
            TenantContext ctx,
            @PathVariable UUID id,
            @Body(ApiSchemas.OrgUnitInput.class) @RequestBody JsonNode body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return units.update(ctx, id, body, ifMatch);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an empty org unit (no children, no users)")
    ResponseEntity<Void> delete(TenantContext ctx, @PathVariable UUID id) {
        units.delete(ctx, id);
        return ResponseEntity.noContent().build();
    }
}
