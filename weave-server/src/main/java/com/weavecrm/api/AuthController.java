package com.weavecrm.api;

import com.weavecrm.platform.organisation.ProfileService;
import com.weavecrm.platform.security.AuthenticatedUser;
import com.weavecrm.platform.security.IssuedToken;
import com.weavecrm.platform.security.LoginService;
import com.weavecrm.platform.security.TokenKind;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.JsonInput;
import com.weavecrm.platform.web.RequestIdFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthController {

    private static final Set<String> LOGIN_FIELDS = Set.of("tenant", "username", "password");

    private final LoginService login;
    private final ProfileService profiles;

    AuthController(LoginService login, ProfileService profiles) {
        this.login = login;
        this.profiles = profiles;
    }

    record LoginResponse(String token, OffsetDateTime expiresAt) {}

    @PostMapping("/login")
    @Operation(summary = "Sign in with {tenant, username, password}; returns a bearer token")
    LoginResponse login(@Body(ApiSchemas.Login.class) @RequestBody JsonNode body, HttpServletRequest request) {
        JsonInput in = JsonInput.of(body, LOGIN_FIELDS);
        String tenant = in.requiredText("tenant", 64);
        String username = in.requiredText("username", 128);
        String password = in.requiredText("password", 1024);
        in.finish();
        IssuedToken token = login.login(
                new LoginService.Attempt(
                        tenant, username, password, request.getRemoteAddr(), RequestIdFilter.of(request)),
                TokenKind.LOGIN);
        return new LoginResponse(token.secret(), token.expiresAt());
    }

    @PostMapping("/logout")
    @Operation(summary = "End the token used for this call")
    ResponseEntity<Void> logout(TenantContext ctx, AuthenticatedUser user) {
        profiles.logout(ctx, user.tokenId());
        return ResponseEntity.noContent().build();
    }
}
