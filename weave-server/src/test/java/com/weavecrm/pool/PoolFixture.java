package com.weavecrm.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Users, records and pool calls over the API for the pool tests. */
record PoolFixture(ApiClient admin) {

    static final String POOLS = "/api/v1/pools";

    String user(String username, String role, String managerId) {
        ApiClient.Response response = admin.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username",
                        username,
                        "displayName",
                        username,
                        "password",
                        IntegrationTest.PASSWORD,
                        "roles",
                        List.of(role),
                        "managerId",
                        managerId));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.string("id");
    }

    /** A role reading, creating and updating leads and customers of its own, with {@code campaign} hidden. */
    void clerkRole(String apiName) {
        ApiClient.Response response = admin.post(
                "/api/v1/admin/roles",
                ApiClient.map(
                        "apiName",
                        apiName,
                        "label",
                        apiName,
                        "permissions",
                        List.of(
                                ApiClient.map(
                                        "object",
                                        "lead",
                                        "actions",
                                        List.of("read", "create", "update"),
                                        "scope",
                                        "own"),
                                ApiClient.map(
                                        "object",
                                        "customer",
                                        "actions",
                                        List.of("read", "create", "update"),
                                        "scope",
                                        "own")),
                        "fieldAccess",
                        List.of(ApiClient.map("object", "lead", "field", "campaign", "access", "hidden"))));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    String create(String object, Object... keyValues) {
        ApiClient.Response response = admin.post(records(object), ApiClient.map(keyValues));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.string("id");
    }

    JsonNode read(String object, String id) {
        ApiClient.Response response = admin.get(records(object) + "/" + id);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    String owner(String object, String id) {
        JsonNode owner = read(object, id).get("ownerId");
        return owner == null || owner.isNull() ? null : owner.asString();
    }

    String pool(Map<String, Object> body) {
        ApiClient.Response response = admin.post(POOLS, body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.string("id");
    }

    int reclaim(String poolId) {
        ApiClient.Response response = admin.post(POOLS + "/" + poolId + "/reclaim-now", null);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().get("reclaimed").asInt();
    }

    /** The ids of the records the audit trail lists for {@code action}. */
    List<String> audited(String action) {
        return admin.get("/api/v1/audit?action=" + action + "&limit=200").json().path("data").values().stream()
                .map(e -> e.path("recordId").asString())
                .toList();
    }

    static ApiClient.Response claim(ApiClient client, String poolId, String recordId) {
        return client.post(POOLS + "/" + poolId + "/records/" + recordId + "/claim", null);
    }

    static List<String> pooledIds(ApiClient client, String poolId) {
        ApiClient.Response response = client.get(POOLS + "/" + poolId + "/records?limit=200");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().path("data").values().stream()
                .map(e -> e.path("record").path("id").asString())
                .toList();
    }

    static String records(String object) {
        return "/api/v1/objects/" + object + "/records";
    }
}
