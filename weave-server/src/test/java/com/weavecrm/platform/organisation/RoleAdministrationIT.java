package com.weavecrm.platform.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoleAdministrationIT extends IntegrationTest {

    TestTenant tenant;
    ApiClient admin;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
        admin = tenant.admin();
    }

    @Test
    void everyTenantStartsWithTheTemplates() {
        assertThat(admin.get("/api/v1/admin/roles").json().path("data").values())
                .extracting(r -> r.path("apiName").asString())
                .contains(
                        "tenant_admin",
                        "hq_manager",
                        "region_manager",
                        "store_manager",
                        "sales",
                        "service_agent",
                        "marketing",
                        "observer");
        ApiClient.Response observer = admin.get("/api/v1/admin/roles/observer");
        assertThat(observer.json().path("label").path("zh-CN").asString()).isNotBlank();
        assertThat(observer.json().path("label").path("en").asString()).startsWith("Observer");
        assertThat(observer.json().path("builtin").asBoolean()).isTrue();
    }

    @Test
    void createsChangesAndDeletesARoleWithPermissionsAndFieldAccess() {
        ApiClient.Response created = admin.post(
                "/api/v1/admin/roles",
                ApiClient.map(
                        "apiName",
                        "trainer",
                        "label",
                        ApiClient.map("zh-CN", "培训师", "en", "Trainer"),
                        "permissions",
                        List.of(
                                ApiClient.map(
                                        "object", "customer", "actions", List.of("read", "update"), "scope", "team"),
                                ApiClient.map("object", "customer", "actions", List.of("export"), "scope", "own")),
                        "fieldAccess",
                        List.of(ApiClient.map("object", "customer", "field", "idNumber", "access", "hidden"))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().path("permissions").size()).isEqualTo(2);
        assertThat(created.json().path("fieldAccess").get(0).path("access").asString())
                .isEqualTo("hidden");

        ApiClient.Response changed = admin.patch(
                "/api/v1/admin/roles/trainer",
                ApiClient.map(
                        "permissions",
                        List.of(ApiClient.map("object", "customer", "actions", List.of("read"), "scope", "all"))));
        assertThat(changed.json().path("permissions").size()).isEqualTo(1);
        assertThat(changed.json().path("fieldAccess").size()).isEqualTo(1);

        ApiClient.Response audit =
                admin.get("/api/v1/audit?action=permission_change&object=role&recordId=" + created.string("id"));
        assertThat(audit.json().path("data").size()).isEqualTo(2);
        assertThat(audit.json()
                        .path("data")
                        .get(0)
                        .path("changes")
                        .get(0)
                        .path("field")
                        .asString())
                .isEqualTo("permissions");

        assertThat(admin.delete("/api/v1/admin/roles/trainer").status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/admin/roles/trainer").isProblem(404)).isTrue();
    }

    @Test
    void invalidDefinitionsAreRefusedWithTheirPositions() {
        ApiClient.Response bad = admin.post(
                "/api/v1/admin/roles",
                ApiClient.map(
                        "apiName",
                        "Bad Name",
                        "permissions",
                        List.of(
                                ApiClient.map("object", "customer", "actions", List.of("fly"), "scope", "galaxy"),
                                ApiClient.map("object", "DROP TABLE", "actions", List.of("read"), "scope", "all")),
                        "fieldAccess",
                        List.of(ApiClient.map("object", "customer", "field", "name", "access", "secret"))));
        assertThat(bad.fieldErrors())
                .containsExactlyInAnyOrder(
                        "apiName:invalid_format",
                        "permissions[0].scope:invalid_scope",
                        "permissions[0].actions:invalid_action",
                        "permissions[1].object:invalid_object",
                        "fieldAccess[0].access:invalid_access");
        assertThat(admin.post("/api/v1/admin/roles", ApiClient.map("apiName", "sales"))
                        .isProblem(409))
                .isTrue();
    }

    @Test
    void templatesAreProtected() {
        assertThat(admin.patch("/api/v1/admin/roles/tenant_admin", ApiClient.map("permissions", List.of()))
                        .isProblem(422))
                .isTrue();
        assertThat(admin.patch("/api/v1/admin/roles/tenant_admin", ApiClient.map("label", "管理员"))
                        .status())
                .isEqualTo(200);
        assertThat(admin.delete("/api/v1/admin/roles/sales").isProblem(422)).isTrue();
    }

    @Test
    void aPermissionChangeReachesSignedInUsersAtOnce() {
        admin.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username", "clerk", "displayName", "店员", "password", PASSWORD, "roles", List.of("sales")));
        ApiClient clerk = login(tenant.slug(), "clerk", PASSWORD);
        assertThat(clerk.get("/api/v1/admin/org-units").isProblem(403)).isTrue();
        admin.patch(
                "/api/v1/admin/roles/sales",
                ApiClient.map(
                        "permissions",
                        List.of(ApiClient.map("object", "org_unit", "actions", List.of("read"), "scope", "all"))));
        assertThat(clerk.get("/api/v1/admin/org-units").status()).isEqualTo(200);
    }
}
