package com.weavecrm.platform.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrgUnitAdministrationIT extends IntegrationTest {

    ApiClient admin;

    @BeforeEach
    void tenant() {
        admin = newTenant().admin();
    }

    @Test
    void buildsMovesAndProtectsTheTree() {
        ApiClient.Response units = admin.get("/api/v1/admin/org-units");
        assertThat(units.json().path("data").size()).isEqualTo(1);
        String root = units.json().path("data").get(0).path("id").asString();
        assertThat(units.json().path("data").get(0).path("kind").asString()).isEqualTo("hq");
        String east = admin.post("/api/v1/admin/org-units", ApiClient.map("name", "华东区", "kind", "region"))
                .string("id");
        String south = admin.post("/api/v1/admin/org-units", ApiClient.map("name", "华南区", "kind", "region"))
                .string("id");
        ApiClient.Response store =
                admin.post("/api/v1/admin/org-units", ApiClient.map("name", "静安店", "kind", "store", "parentId", east));
        assertThat(store.status()).isEqualTo(201);
        assertThat(store.json().path("depth").asInt()).isEqualTo(2);
        String team = admin.post(
                        "/api/v1/admin/org-units",
                        ApiClient.map("name", "一组", "kind", "team", "parentId", store.string("id")))
                .string("id");

        ApiClient.Response moved =
                admin.patch("/api/v1/admin/org-units/" + store.string("id"), ApiClient.map("parentId", south));
        assertThat(moved.string("parentId")).isEqualTo(south);
        assertThat(admin.get("/api/v1/admin/org-units/" + team)
                        .json()
                        .path("depth")
                        .asInt())
                .isEqualTo(3);

        assertThat(admin.patch("/api/v1/admin/org-units/" + south, ApiClient.map("parentId", team))
                        .fieldErrors())
                .containsExactly("parentId:cycle");
        assertThat(admin.patch("/api/v1/admin/org-units/" + root, ApiClient.map("parentId", east))
                        .fieldErrors())
                .containsExactly("parentId:root_cannot_move");
        assertThat(admin.post("/api/v1/admin/org-units", ApiClient.map("name", "华东区"))
                        .isProblem(409))
                .isTrue();
        assertThat(admin.post("/api/v1/admin/org-units", ApiClient.map("name", "x", "kind", "Bad Kind"))
                        .fieldErrors())
                .containsExactly("kind:invalid_format");
        assertThat(admin.post(
                                "/api/v1/admin/org-units",
                                ApiClient.map("name", "x", "parentId", "00000000-0000-0000-0000-000000000000"))
                        .fieldErrors())
                .containsExactly("parentId:not_found");

        assertThat(admin.delete("/api/v1/admin/org-units/" + south).isProblem(409))
                .isTrue();
        assertThat(admin.delete("/api/v1/admin/org-units/" + team).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/admin/org-units/" + team).isProblem(404)).isTrue();
        assertThat(admin.delete("/api/v1/admin/org-units/" + root).isProblem(409))
                .isTrue();
    }
}
