package com.weavecrm.api;

import com.weavecrm.platform.organisation.Role;
import com.weavecrm.platform.organisation.RoleService;
import com.weavecrm.platform.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
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
@RequestMapping("/api/v1/admin/roles")
@Tag(name = "Administration")
class RoleController {

    private final RoleService roles;

    RoleController(RoleService roles) {
        this.roles = roles;
    }

    @GetMapping
    @Operation(summary = "Roles with their permissions and field access")
    Map<String, List<Role>> list(TenantContext ctx) {
        return Map.of("data", roles.list(ctx));
    }

    @PostMapping
    @Operation(
            summary =
                    "Create a role {apiName, label, permissions:[{object, actions, scope}], fieldAccess:[{object, field, access}]}")
    ResponseEntity<Role> create(TenantContext ctx, @Body(ApiSchemas.RoleInput.class) @RequestBody JsonNode body) {
        Role role = roles.create(ctx, body);
        return ResponseEntity.created(URI.create("/api/v1/admin/roles/" + role.apiName()))
                .body(role);
    }

    @GetMapping("/{apiName}")
    Role get(TenantContext ctx, @PathVariable String apiName) {
        return roles.get(ctx, apiName);
    }

    @PatchMapping("/{apiName}")
    @Operation(summary = "Change label, description, permissions or field access (lists are replaced whole)")
    Role update(
            TenantContext ctx,
            @PathVariable String apiName,
            @Body(ApiSchemas.RoleInput.class) @RequestBody JsonNode body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return roles.update(ctx, apiName, body, ifMatch);
    }

    @DeleteMapping("/{apiName}")
    @Operation(summary = "Delete a role of the tenant's own (templates cannot be deleted)")
    ResponseEntity<Void> delete(TenantContext ctx, @PathVariable String apiName) {
        roles.delete(ctx, apiName);
        return ResponseEntity.noContent().build();
    }
}
