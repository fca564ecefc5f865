package com.weavecrm.api;

import com.weavecrm.platform.organisation.UserAccount;
import com.weavecrm.platform.organisation.UserFilter;
import com.weavecrm.platform.organisation.UserService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
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
@RequestMapping("/api/v1/admin/users")
@Tag(name = "Administration")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "Users within the caller's scope, by username; q searches name, phone and email")
    UserService.Page list(
            TenantContext ctx,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) UUID orgUnitId,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String limit) {
        if (status != null && !status.equals(UserAccount.ACTIVE) && !status.equals(UserAccount.LEFT)) {
            throw ApiException.badRequest("status", "invalid_value");
        }
        String query = q == null || q.isBlank() ? null : q.strip();
        return users.list(ctx, new UserFilter(query, status, orgUnitId), cursor, PageLimits.parse(limit));
    }

    @PostMapping
    @Operation(summary = "Create a user {username, displayName, password, orgUnitId, roles, managerId, phone, email}")
    ResponseEntity<UserAccount> create(
            TenantContext ctx, @Body(ApiSchemas.UserInput.class) @RequestBody JsonNode body) {
        UserAccount user = users.create(ctx, body);
        return ResponseEntity.created(URI.create("/api/v1/admin/users/" + user.id()))
                .body(user);
    }

    @GetMapping("/{id}")
    UserAccount get(TenantContext ctx, @PathVariable UUID id) {
        return users.get(ctx, id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a user; status \"left\" ends all of their sessions and tokens at once")
    UserAccount update(
            TenantContext ctx,
            @PathVariable UUID id,
            @Body(ApiSchemas.UserInput.class) @RequestBody JsonNode body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return users.update(ctx, id, body, ifMatch);
    }
}
