package com.weavecrm.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginIT extends IntegrationTest {

    TestTenant tenant;
    String clerkId;

    @BeforeEach
    void tenantWithAClerk() {
        tenant = newTenant();
        clerkId = tenant.admin()
                .post(
                        "/api/v1/admin/users",
                        ApiClient.map(
                                "username",
                                "clerk",
                                "displayName",
                                "店员",
                                "password",
                                PASSWORD,
                                "roles",
                                List.of("sales")))
                .string("id");
    }

    @Test
    void wrongPasswordUnknownUserAndUnknownTenantLookTheSame() {
        ApiClient.Response wrongPassword = attempt(tenant.slug(), "clerk", "Wrong-Pass-2026");
        ApiClient.Response unknownUser = attempt(tenant.slug(), "nobody", "Wrong-Pass-2026");
        ApiClient.Response unknownTenant = attempt("no-such-tenant", "clerk", PASSWORD);
        for (ApiClient.Response response : List.of(wrongPassword, unknownUser, unknownTenant)) {
            assertThat(response.isProblem(401)).isTrue();
            assertThat(response.json().path("detail").asString())
                    .isEqualTo(wrongPassword.json().path("detail").asString());
        }
    }

    @Test
    void tenFailuresInARowLockTheAccountForFifteenMinutesOthersUnaffected() {
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            codes.add(attempt(tenant.slug(), "clerk", "Wrong-" + i).status());
        }
        assertThat(codes).containsOnly(401);
        ApiClient.Response locked = attempt(tenant.slug(), "clerk", PASSWORD);
        assertThat(locked.isProblem(429)).isTrue();
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(800, 900);
        assertThat(attempt(tenant.slug(), "admin", PASSWORD).status()).isEqualTo(200);
        assertThat(tenant.admin()
                        .get("/api/v1/audit?action=login_failed&recordId=" + clerkId)
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(11);
    }

    @Test
    void aSuccessResetsTheFailureCount() {
        for (int i = 0; i < 9; i++) {
            attempt(tenant.slug(), "clerk", "Wrong-" + i);
        }
        assertThat(attempt(tenant.slug(), "clerk", PASSWORD).status()).isEqualTo(200);
        assertThat(attempt(tenant.slug(), "clerk", "Wrong-again").status()).isEqualTo(401);
        assertThat(attempt(tenant.slug(), "clerk", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void usernamesAreCaseInsensitive() {
        assertThat(attempt(tenant.slug(), "CLERK", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aUserWhoLeftCannotSignInAndTheirTokensStopAtOnce() {
        ApiClient clerk = login(tenant.slug(), "clerk", PASSWORD);
        String personal =
                clerk.post("/api/v1/me/tokens", ApiClient.map("name", "pos")).string("token");
        assertThat(clerk.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(tenant.admin()
                        .patch("/api/v1/admin/users/" + clerkId, ApiClient.map("status", "left"))
                        .status())
                .isEqualTo(200);
        assertThat(clerk.get("/api/v1/me").isProblem(401)).isTrue();
        assertThat(clerk.as(personal).get("/api/v1/me").isProblem(401)).isTrue();
        assertThat(attempt(tenant.slug(), "clerk", PASSWORD).isProblem(401)).isTrue();
    }

    @Test
    void personalTokensAreShownOnceListedWithoutSecretAndRevocable() {
        ApiClient clerk = login(tenant.slug(), "clerk", PASSWORD);
        ApiClient.Response created = clerk.post(
                "/api/v1/me/tokens",
                ApiClient.map(
                        "name",
                        "门店POS",
                        "expiresAt",
                        OffsetDateTime.now().plusDays(30).toString()));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.string("token");
        assertThat(secret).startsWith("wv_" + tenant.slug() + "_");
        ApiClient pos = clerk.as(secret);
        assertThat(pos.get("/api/v1/me").string("username")).isEqualTo("clerk");
        ApiClient.Response listed = clerk.get("/api/v1/me/tokens");
        assertThat(listed.json().path("data").size()).isEqualTo(1);
        assertThat(listed.text()).doesNotContain(secret.substring(secret.lastIndexOf('_') + 1));
        assertThat(clerk.delete("/api/v1/me/tokens/" + created.string("id")).status())
                .isEqualTo(204);
        assertThat(pos.get("/api/v1/me").isProblem(401)).isTrue();
        assertThat(clerk.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void tokenExpiryMustBeInTheFutureAndWithinAYear() {
        ApiClient clerk = login(tenant.slug(), "clerk", PASSWORD);
        assertThat(clerk.post("/api/v1/me/tokens", ApiClient.map("name", "old", "expiresAt", "2020-01-01T00:00:00Z"))
                        .fieldErrors())
                .containsExactly("expiresAt:out_of_range");
        assertThat(clerk.post("/api/v1/me/tokens", ApiClient.map("name", "x", "expiresAt", "tomorrow"))
                        .fieldErrors())
                .containsExactly("expiresAt:invalid_datetime");
    }

    @Test
    void malformedOrUnknownTokensAre401() {
        for (String token : List.of("garbage", "wv_", "wv_" + tenant.slug() + "_nope", "wv_x_y", "Basic abc")) {
            assertThat(anonymous().as(token).get("/api/v1/me").isProblem(401))
                    .as(token)
                    .isTrue();
        }
        ApiClient.Response basic = anonymous().send("GET", "/api/v1/me", null, Map.of("Authorization", "Basic YTpi"));
        assertThat(basic.isProblem(401)).isTrue();
    }

    @Test
    void passwordChangeNeedsTheCurrentPasswordAndEndsOtherSessions() {
        ApiClient first = login(tenant.slug(), "clerk", PASSWORD);
        ApiClient second = login(tenant.slug(), "clerk", PASSWORD);
        ApiClient.Response wrong = first.post(
                "/api/v1/me/password", ApiClient.map("currentPassword", "nope", "newPassword", "New-Pass-2026!x"));
        assertThat(wrong.fieldErrors()).containsExactly("currentPassword:wrong_password");
        ApiClient.Response tooShort =
                first.post("/api/v1/me/password", ApiClient.map("currentPassword", PASSWORD, "newPassword", "short"));
        assertThat(tooShort.fieldErrors()).containsExactly("newPassword:too_short");
        assertThat(first.post(
                                "/api/v1/me/password",
                                ApiClient.map("currentPassword", PASSWORD, "newPassword", "New-Pass-2026!x"))
                        .status())
                .isEqualTo(204);
        assertThat(first.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(second.get("/api/v1/me").isProblem(401)).isTrue();
        assertThat(attempt(tenant.slug(), "clerk", PASSWORD).status()).isEqualTo(401);
        assertThat(attempt(tenant.slug(), "clerk", "New-Pass-2026!x").status()).isEqualTo(200);
    }

    @Test
    void logoutEndsTheToken() {
        ApiClient clerk = login(tenant.slug(), "clerk", PASSWORD);
        assertThat(clerk.post("/api/v1/auth/logout", null).status()).isEqualTo(204);
        assertThat(clerk.get("/api/v1/me").isProblem(401)).isTrue();
    }

    @Test
    void meShowsTheCallerAndLetsThemChangeTheirProfile() {
        ApiClient clerk = login(tenant.slug(), "clerk", PASSWORD);
        ApiClient.Response me = clerk.get("/api/v1/me");
        assertThat(me.string("tenant")).isEqualTo(tenant.slug());
        assertThat(me.string("locale")).isEqualTo("zh-CN");
        assertThat(me.json().path("roles").get(0).asString()).isEqualTo("sales");
        ApiClient.Response changed =
                clerk.patch("/api/v1/me", ApiClient.map("locale", "en", "displayName", "Clerk Zhao"));
        assertThat(changed.string("locale")).isEqualTo("en");
        assertThat(clerk.get("/api/v1/me").string("displayName")).isEqualTo("Clerk Zhao");
        assertThat(clerk.patch("/api/v1/me", ApiClient.map("locale", "fr")).fieldErrors())
                .containsExactly("locale:invalid_format");
        assertThat(clerk.patch("/api/v1/me", ApiClient.map("username", "boss")).fieldErrors())
                .containsExactly("username:unknown_field");
        // problems now speak English to this user
        assertThat(clerk.get("/api/v1/admin/roles").json().path("title").asString())
                .isEqualTo("Forbidden");
    }

    @Test
    void loginInputIsValidated() {
        ApiClient.Response missing = anonymous().post("/api/v1/auth/login", ApiClient.map("tenant", tenant.slug()));
        assertThat(missing.fieldErrors()).containsExactlyInAnyOrder("username:required", "password:required");
        ApiClient.Response extra = anonymous()
                .post(
                        "/api/v1/auth/login",
                        ApiClient.map(
                                "tenant", tenant.slug(), "username", "clerk", "password", PASSWORD, "remember", true));
        assertThat(extra.fieldErrors()).containsExactly("remember:unknown_field");
        ApiClient.Response wrongType = anonymous()
                .post(
                        "/api/v1/auth/login",
                        ApiClient.map("tenant", tenant.slug(), "username", 42, "password", PASSWORD));
        assertThat(wrongType.fieldErrors()).containsExactly("username:invalid_type");
        assertThat(anonymous().post("/api/v1/auth/login", "[1,2]").fieldErrors())
                .containsExactly("body:not_an_object");
        assertThat(anonymous().post("/api/v1/auth/login", "{\"tenant\": ").fieldErrors())
                .containsExactly("body:malformed_json");
    }

    private ApiClient.Response attempt(String tenantSlug, String username, String password) {
        return anonymous()
                .post(
                        "/api/v1/auth/login",
                        ApiClient.map("tenant", tenantSlug, "username", username, "password", password));
    }
}
