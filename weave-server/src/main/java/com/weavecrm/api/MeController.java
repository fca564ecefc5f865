package com.weavecrm.api;

import com.weavecrm.platform.organisation.ProfileService;
import com.weavecrm.platform.organisation.UserAccount;
import com.weavecrm.platform.security.AuthenticatedUser;
import com.weavecrm.platform.security.IssuedToken;
import com.weavecrm.platform.security.TokenInfo;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.RequestLocales;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.OffsetDateTime;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Me")
class MeController {

    private final ProfileService profiles;

    MeController(ProfileService profiles) {
        this.profiles = profiles;
    }

    record Me(
            UUID id,
            String username,
            String displayName,
            String tenant,
            List<String> roles,
            UUID orgUnitId,
            String locale) {}

    record NewToken(UUID id, String name, String token, OffsetDateTime expiresAt) {}

    @GetMapping
    @Operation(summary = "The caller: id, username, displayName, tenant, roles, orgUnitId, locale")
    Me me(AuthenticatedUser user) {
        return new Me(
                user.userId(),
                user.username(),
                user.displayName(),
                user.tenant().slug(),
                user.roles(),
                user.orgUnitId(),
                RequestLocales.toTag(user.locale()));
    }

    @PatchMapping
    @Operation(summary = "Change displayName, locale, phone or email of the caller")
    Me update(
            TenantContext ctx,
            AuthenticatedUser user,
            @Body(ApiSchemas.ProfileInput.class) @RequestBody JsonNode body) {
        UserAccount account = profiles.update(ctx, body);
        return new Me(
                account.id(),
                account.username(),
                account.displayName(),
                user.tenant().slug(),
                account.roles(),
                account.orgUnitId(),
                account.locale());
    }

    @PostMapping("/password")
    @Operation(summary = "Change the caller's password {currentPassword, newPassword}; ends their other sessions")
    ResponseEntity<Void> password(
            TenantContext ctx,
            AuthenticatedUser user,
            @Body(ApiSchemas.PasswordChange.class) @RequestBody JsonNode body) {
        profiles.changePassword(ctx, user.tokenId(), body);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/tokens")
    @Operation(summary = "The caller's personal API tokens (never their secrets)")
    Map<String, List<TokenInfo>> tokens(TenantContext ctx) {
        return Map.of("data", profiles.tokens(ctx));
    }

    @PostMapping("/tokens")
    @Operation(summary = "Create a personal API token {name, expiresAt}; the secret is shown once")
    ResponseEntity<NewToken> createToken(
            TenantContext ctx, @Body(ApiSchemas.TokenInput.class) @RequestBody JsonNode body) {
        IssuedToken token = profiles.createToken(ctx, body);
        return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + token.id()))
                .body(new NewToken(token.id(), token.name(), token.secret(), token.expiresAt()));
    }

    @DeleteMapping("/tokens/{id}")
    @Operation(summary = "Revoke a personal API token; it fails at once")
    ResponseEntity<Void> revokeToken(TenantContext ctx, @PathVariable UUID id) {
        profiles.revokeToken(ctx, id);
        return ResponseEntity.noContent().build();
    }
}
