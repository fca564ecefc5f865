package com.weavecrm.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/** Users, rules and intakes over the API for the assignment tests. */
record AssignmentFixture(ApiClient admin, AtomicInteger phones) {

    static final String RULES = "/api/v1/assignment-rules";

    AssignmentFixture(ApiClient admin) {
        this(admin, new AtomicInteger(10_000_000 + (int) (Math.random() * 80_000_000)));
    }

    /** A sales user; returns their id. */
    String user(String username, String displayName) {
        return user(username, displayName, null);
    }

    String user(String username, String displayName, String orgUnitId) {
        Map<String, Object> body = ApiClient.map(
                "username",
                username,
                "displayName",
                displayName,
                "password",
                IntegrationTest.PASSWORD,
                "roles",
                List.of("sales"));
        if (orgUnitId != null) {
            body.put("orgUnitId", orgUnitId);
        }
        ApiClient.Response response = admin.post("/api/v1/admin/users", body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.string("id");
    }

    String myId() {
        return admin.get("/api/v1/me").string("id");
    }

    /** Creates a rule from key/value pairs; returns it. */
    JsonNode rule(Object... keyValues) {
        ApiClient.Response response = admin.post(RULES, ApiClient.map(keyValues));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json();
    }

    static List<Map<String, Object>> members(String... userIds) {
        List<Map<String, Object>> members = new ArrayList<>();
        for (String id : userIds) {
            members.add(ApiClient.map("userId", id));
        }
        return members;
    }

    /** A fresh mobile number (the person is new to the tenant). */
    String phone() {
        return "139" + phones.incrementAndGet();
    }

    /** Takes a lead in with a fresh phone and the given extra values; returns the intake's answer. */
    JsonNode intake(Object... keyValues) {
        Map<String, Object> body = ApiClient.map(keyValues);
        body.putIfAbsent("phone", phone());
        ApiClient.Response response = admin.post("/api/v1/leads/intake", body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json();
    }

    String intakeOwner(Object... keyValues) {
        return intake(keyValues).path("ownerId").asString();
    }

    /** The intake trace's step of the given kind (the last one). */
    static JsonNode step(JsonNode intake, String kind) {
        JsonNode found = null;
        for (JsonNode step : intake.path("trace").values()) {
            if (kind.equals(step.path("step").asString())) {
                found = step;
            }
        }
        assertThat(found).as("no " + kind + " step in " + intake).isNotNull();
        return found;
    }

    /** The trace's rule steps, in order. */
    static List<JsonNode> ruleSteps(JsonNode intake) {
        return intake.path("trace").values().stream()
                .filter(s -> "rule".equals(s.path("step").asString()))
                .toList();
    }
}
