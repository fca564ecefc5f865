package com.weavecrm.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may merge what: rights, data scopes and tenants. */
class MergePermissionsIT extends IntegrationTest {

    @Test
    void recordsOutsideTheScopeOrTenantAreAbsentAndTheRightsAreNeeded() {
        TestTenant tenant = newTenant();
        ApiClient admin = tenant.admin();
        role(admin, "merger", List.of("read", "create", "update", "delete"));
        role(admin, "editor", List.of("read", "create", "update"));
        user(admin, "clerk", "merger");
        user(admin, "other", "merger");
        user(admin, "editor", "editor");
        MergeFixture clerk = new MergeFixture(login(tenant.slug(), "clerk", PASSWORD));
        MergeFixture editor = new MergeFixture(login(tenant.slug(), "editor", PASSWORD));
        MergeFixture other = new MergeFixture(login(tenant.slug(), "other", PASSWORD));
        String mine = clerk.create("customer", "name", "赵敏");
        String mineToo = clerk.create("customer", "name", "赵敏", "phone", "13600136000");
        String notMine = new MergeFixture(admin).create("customer", "name", "赵敏");

        assertThat(clerk.merge("customer", mine, List.of(notMine), Map.of()).isProblem(404))
                .isTrue();
        assertThat(clerk.merge("customer", notMine, List.of(mine), Map.of()).isProblem(404))
                .isTrue();
        String e1 = editor.create("customer", "name", "周芷若");
        String e2 = editor.create("customer", "name", "周芷若");
        assertThat(editor.merge("customer", e1, List.of(e2), Map.of()).isProblem(403))
                .isTrue();
        MergeFixture stranger = new MergeFixture(newTenant().admin());
        assertThat(stranger.merge("customer", mine, List.of(mineToo), Map.of()).isProblem(404))
                .isTrue();
        assertThat(new MergeFixture(admin).read("customer", notMine).status()).isEqualTo(200);

        ApiClient.Response merged = clerk.merge("customer", mine, List.of(mineToo), Map.of("phone", "13600136000"));
        assertThat(merged.status()).as(merged.text()).isEqualTo(201);
        String id = merged.string("id");
        for (MergeFixture outsider : List.of(stranger, other)) {
            assertThat(outsider.client().get(MergeFixture.MERGES + "/" + id).isProblem(404))
                    .isTrue();
            assertThat(outsider.undo(id).isProblem(404)).isTrue();
        }
        assertThat(admin.get(MergeFixture.MERGES + "/" + id).status()).isEqualTo(200);
        assertThat(clerk.undo(id).status()).isEqualTo(200);
        assertThat(clerk.value("customer", mineToo, "phone")).isEqualTo("13600136000");
    }

    private static void role(ApiClient admin, String name, List<String> actions) {
        ApiClient.Response response = admin.post(
                "/api/v1/admin/roles",
                ApiClient.map(
                        "apiName",
                        name,
                        "label",
                        name,
                        "permissions",
                        List.of(ApiClient.map("object", "customer", "actions", actions, "scope", "own"))));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    private static void user(ApiClient admin, String username, String role) {
        ApiClient.Response response = admin.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username", username, "displayName", username, "password", PASSWORD, "roles", List.of(role)));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }
}
