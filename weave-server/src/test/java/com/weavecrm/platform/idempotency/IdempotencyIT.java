package com.weavecrm.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdempotencyIT extends IntegrationTest {

    TestTenant tenant;
    ApiClient admin;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
        admin = tenant.admin();
    }

    @Test
    void aRepeatReturnsTheFirstResultAndCreatesNothing() {
        Map<String, String> key = Map.of("Idempotency-Key", "create-store-1");
        ApiClient.Response first = admin.send("POST", "/api/v1/admin/org-units", ApiClient.map("name", "静安店"), key);
        ApiClient.Response again = admin.send("POST", "/api/v1/admin/org-units", ApiClient.map("name", "静安店"), key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.string("id")).isEqualTo(first.string("id"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(admin.get("/api/v1/admin/org-units").json().path("data").size())
                .isEqualTo(2);
    }

    @Test
    void keysBelongToTheirUser() {
        admin.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username",
                        "second",
                        "displayName",
                        "二号",
                        "password",
                        PASSWORD,
                        "roles",
                        java.util.List.of("tenant_admin")));
        ApiClient other = login(tenant.slug(), "second", PASSWORD);
        Map<String, String> key = Map.of("Idempotency-Key", "same-key");
        String mine = admin.send("POST", "/api/v1/admin/org-units", ApiClient.map("name", "甲店"), key)
                .string("id");
        String theirs = other.send("POST", "/api/v1/admin/org-units", ApiClient.map("name", "乙店"), key)
                .string("id");
        assertThat(theirs).isNotEqualTo(mine);
    }

    @Test
    void reusingAKeyForAnotherBodyIsRefused() {
        Map<String, String> key = Map.of("Idempotency-Key", "k-2");
        admin.send("POST", "/api/v1/admin/org-units", ApiClient.map("name", "甲店"), key);
        ApiClient.Response other = admin.send("POST", "/api/v1/admin/org-units", ApiClient.map("name", "乙店"), key);
        assertThat(other.isProblem(422)).isTrue();
        assertThat(admin.get("/api/v1/admin/org-units").json().path("data").size())
                .isEqualTo(2);
    }

    @Test
    void aFailedRequestIsReplayedAsTheSameFailure() {
        Map<String, String> key = Map.of("Idempotency-Key", "k-3");
        ApiClient.Response bad = admin.send("POST", "/api/v1/admin/org-units", ApiClient.map("kind", "store"), key);
        ApiClient.Response again = admin.send("POST", "/api/v1/admin/org-units", ApiClient.map("kind", "store"), key);
        assertThat(bad.isProblem(400)).isTrue();
        assertThat(again.isProblem(400)).isTrue();
        assertThat(again.fieldErrors()).containsExactly("name:required");
    }

    @Test
    void anUnusableKeyIsABadRequest() {
        ApiClient.Response bad = admin.send(
                "POST",
                "/api/v1/admin/org-units",
                ApiClient.map("name", "丙店"),
                Map.of("Idempotency-Key", "x".repeat(300)));
        assertThat(bad.fieldErrors()).containsExactly("Idempotency-Key:invalid_format");
    }
}
