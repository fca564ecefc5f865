package com.weavecrm.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Records and merges over the API for the merge tests. */
record MergeFixture(ApiClient client) {

    static final String MERGES = "/api/v1/dedupe/merges";

    String create(String object, Object... keyValues) {
        ApiClient.Response response = client.post(records(object), ApiClient.map(keyValues));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.string("id");
    }

    ApiClient.Response read(String object, String id) {
        return client.get(records(object) + "/" + id);
    }

    String value(String object, String id, String field) {
        ApiClient.Response response = read(object, id);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode value = response.json().get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    ApiClient.Response merge(String object, String survivor, List<String> merged, Map<String, Object> values) {
        return client.post(
                MERGES, ApiClient.map("object", object, "survivorId", survivor, "mergedIds", merged, "values", values));
    }

    ApiClient.Response undo(String mergeId) {
        return client.delete(MERGES + "/" + mergeId);
    }

    /** The ids of the records the audit trail lists for {@code action}. */
    List<String> audited(String action) {
        return client.get("/api/v1/audit?action=" + action + "&limit=200").json().path("data").values().stream()
                .map(e -> e.path("recordId").asString())
                .toList();
    }

    static String records(String object) {
        return "/api/v1/objects/" + object + "/records";
    }
}
