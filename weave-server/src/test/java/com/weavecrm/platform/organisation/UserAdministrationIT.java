package com.weavecrm.platform.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserAdministrationIT extends IntegrationTest {

    TestTenant tenant;
    ApiClient admin;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
        admin = tenant.admin();
    }

    @Test
    void createsAUserWhoCanSignIn() {
        String store = admin.post("/api/v1/admin/org-units", ApiClient.map("name", "静安店", "kind", "store"))
                .string("id");
        ApiClient.Response created = admin.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username",
                        "wangfang",
                        "displayName",
                        "王芳",
                        "password",
                        PASSWORD,
                        "orgUnitId",
                        store,
                        "roles",
                        List.of("sales"),
                        "phone",
                        "138 0013 8000",
                        "email",
                        "wangfang@example.cn"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith(created.string("id"));
        assertThat(created.json().path("roles").get(0).asString()).isEqualTo("sales");
        assertThat(created.json().has("password")).isFalse();
        assertThat(created.text()).doesNotContain("argon2");
        assertThat(login(tenant.slug(), "wangfang", PASSWORD).get("/api/v1/me").string("orgUnitId"))
                .isEqualTo(store);
    }

    @Test
    void badInputListsEveryFieldAndWritesNothing() {
        ApiClient.Response bad = admin.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username",
                        "bad user!",
                        "password",
                        "x",
                        "noSuchField",
                        1,
                        "roles",
                        List.of("no_such_role"),
                        "email",
                        "not-an-email",
                        "orgUnitId",
                        "nope",
                        "status",
                        "gone"));
        assertThat(bad.isProblem(400)).isTrue();
        assertThat(bad.fieldErrors())
                .containsExactlyInAnyOrder(
                        "noSuchField:unknown_field",
                        "username:invalid_format",
                        "displayName:required",
                        "password:too_short",
                        "orgUnitId:invalid_id",
                        "email:invalid_format",
                        "status:invalid_format",
                        "roles:unknown_role");
        assertThat(bad.json().path("errors").get(0).path("message").asString()).isNotBlank();
        assertThat(admin.get("/api/v1/admin/users?limit=200")
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void wrongJsonTypesAreNamed() {
        ApiClient.Response bad = admin.post(
                "/api/v1/admin/users",
                ApiClient.map("username", 12, "displayName", List.of(), "password", true, "roles", "sales"));
        assertThat(bad.fieldErrors())
                .containsExactlyInAnyOrder(
                        "username:invalid_type",
                        "displayName:invalid_type",
                        "password:invalid_type",
                        "roles:invalid_type");
    }

    @Test
    void usernamesAreUniqueIgnoringCase() {
        admin.post("/api/v1/admin/users", ApiClient.map("username", "li", "displayName", "李", "password", PASSWORD));
        ApiClient.Response duplicate = admin.post(
                "/api/v1/admin/users", ApiClient.map("username", "LI", "displayName", "李二", "password", PASSWORD));
        assertThat(duplicate.isProblem(409)).isTrue();
        assertThat(duplicate.fieldErrors()).containsExactly("username:duplicate");
    }

    @Test
    void staleIfMatchIsAConflict() {
        ApiClient.Response user = admin.post(
                "/api/v1/admin/users", ApiClient.map("username", "zhou", "displayName", "周", "password", PASSWORD));
        String path = "/api/v1/admin/users/" + user.string("id");
        long version = user.json().path("version").asLong();
        ApiClient.Response first = admin.send(
                "PATCH", path, ApiClient.map("displayName", "周一"), Map.of("If-Match", Long.toString(version)));
        ApiClient.Response second = admin.send(
                "PATCH", path, ApiClient.map("displayName", "周二"), Map.of("If-Match", Long.toString(version)));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("version").asLong()).isEqualTo(version + 1);
        assertThat(second.isProblem(409)).isTrue();
        assertThat(admin.get(path).string("displayName")).isEqualTo("周一");
    }

    @Test
    void managersCannotFormACycle() {
        String a = admin.post(
                        "/api/v1/admin/users",
                        ApiClient.map("username", "a1", "displayName", "A", "password", PASSWORD))
                .string("id");
        String b = admin.post(
                        "/api/v1/admin/users",
                        ApiClient.map("username", "b1", "displayName", "B", "password", PASSWORD, "managerId", a))
                .string("id");
        assertThat(admin.patch("/api/v1/admin/users/" + a, ApiClient.map("managerId", b))
                        .fieldErrors())
                .containsExactly("managerId:cycle");
        assertThat(admin.patch("/api/v1/admin/users/" + a, ApiClient.map("managerId", a))
                        .fieldErrors())
                .containsExactly("managerId:cycle");
    }

    @Test
    void anObserverCanReadButNotWrite() {
        admin.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username", "obs", "displayName", "观察员", "password", PASSWORD, "roles", List.of("observer")));
        ApiClient observer = login(tenant.slug(), "obs", PASSWORD);
        assertThat(observer.get("/api/v1/admin/users").status()).isEqualTo(200);
        ApiClient.Response write = observer.post(
                "/api/v1/admin/users", ApiClient.map("username", "x2", "displayName", "x", "password", PASSWORD));
        assertThat(write.isProblem(403)).isTrue();
        assertThat(observer.post("/api/v1/admin/org-units", ApiClient.map("name", "x"))
                        .isProblem(403))
                .isTrue();
        assertThat(observer.patch("/api/v1/admin/settings", ApiClient.map("name", "x"))
                        .isProblem(403))
                .isTrue();
    }

    @Test
    void aStoreManagerSeesOnlyTheirStoreAndCannotHandOutRolesTheyLack() {
        String store = admin.post("/api/v1/admin/org-units", ApiClient.map("name", "徐汇店"))
                .string("id");
        String other = admin.post("/api/v1/admin/org-units", ApiClient.map("name", "静安店"))
                .string("id");
        admin.post(
                "/api/v1/admin/roles",
                ApiClient.map(
                        "apiName",
                        "shop_lead",
                        "label",
                        "店长(可管人)",
                        "permissions",
                        List.of(ApiClient.map(
                                "object", "user", "actions", List.of("read", "create", "update"), "scope", "unit"))));
        admin.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username",
                        "mgr",
                        "displayName",
                        "店长",
                        "password",
                        PASSWORD,
                        "orgUnitId",
                        store,
                        "roles",
                        List.of("shop_lead", "sales")));
        admin.post(
                "/api/v1/admin/users",
                ApiClient.map("username", "elsewhere", "displayName", "别店", "password", PASSWORD, "orgUnitId", other));
        ApiClient manager = login(tenant.slug(), "mgr", PASSWORD);
        assertThat(manager.get("/api/v1/admin/users?limit=200")
                        .json()
                        .path("data")
                        .values())
                .extracting(u -> u.path("username").asString())
                .containsExactly("mgr");
        ApiClient.Response clerk = manager.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username", "newclerk", "displayName", "新店员", "password", PASSWORD, "roles", List.of("sales")));
        assertThat(clerk.status()).as(clerk.text()).isEqualTo(201);
        assertThat(clerk.string("orgUnitId")).isEqualTo(store);
        assertThat(manager.post(
                                "/api/v1/admin/users",
                                ApiClient.map(
                                        "username",
                                        "boss",
                                        "displayName",
                                        "x",
                                        "password",
                                        PASSWORD,
                                        "roles",
                                        List.of("tenant_admin")))
                        .fieldErrors())
                .containsExactly("roles:not_assignable");
        assertThat(manager.post(
                                "/api/v1/admin/users",
                                ApiClient.map(
                                        "username",
                                        "far",
                                        "displayName",
                                        "x",
                                        "password",
                                        PASSWORD,
                                        "orgUnitId",
                                        other))
                        .fieldErrors())
                .containsExactly("orgUnitId:out_of_scope");
    }

    @Test
    void theLastActiveAdministratorCannotLeave() {
        String adminId = admin.get("/api/v1/me").string("id");
        ApiClient.Response refused = admin.patch("/api/v1/admin/users/" + adminId, ApiClient.map("status", "left"));
        assertThat(refused.isProblem(422)).isTrue();
        assertThat(admin.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void listsSearchAndPageWithACursor() {
        for (int i = 0; i < 7; i++) {
            admin.post(
                    "/api/v1/admin/users",
                    ApiClient.map("username", "u" + i, "displayName", "用户" + i, "password", PASSWORD));
        }
        ApiClient.Response first = admin.get("/api/v1/admin/users?limit=3");
        assertThat(first.json().path("data").size()).isEqualTo(3);
        ApiClient.Response second = admin.get("/api/v1/admin/users?limit=3&cursor=" + first.string("nextCursor"));
        ApiClient.Response third = admin.get("/api/v1/admin/users?limit=3&cursor=" + second.string("nextCursor"));
        assertThat(third.json().path("data").size()).isEqualTo(2);
        assertThat(third.json().path("nextCursor").isNull()).isTrue();
        assertThat(admin.get("/api/v1/admin/users?q=用户3").json().path("data").size())
                .isEqualTo(1);
        assertThat(admin.get("/api/v1/admin/users?limit=0").fieldErrors()).containsExactly("limit:out_of_range");
        assertThat(admin.get("/api/v1/admin/users?limit=abc").fieldErrors()).containsExactly("limit:out_of_range");
        assertThat(admin.get("/api/v1/admin/users?cursor=%25%25%25").status()).isEqualTo(400);
    }

    @Test
    void oversizedBodiesAre413() {
        String big = "{\"username\":\"" + "x".repeat(1_100_000) + "\"}";
        assertThat(admin.post("/api/v1/admin/users", big).isProblem(413)).isTrue();
    }
}
