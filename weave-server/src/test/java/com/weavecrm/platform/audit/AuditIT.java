package com.weavecrm.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuditIT extends IntegrationTest {

    TestTenant tenant;
    ApiClient admin;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
        admin = tenant.admin();
    }

    @Test
    void aUserChangeIsRecordedFieldByFieldWithRequestIdAndAddress() {
        String id = admin.post(
                        "/api/v1/admin/users",
                        ApiClient.map(
                                "username", "zhao", "displayName", "赵磊", "password", PASSWORD, "phone", "13800000000"))
                .string("id");
        admin.send(
                "PATCH",
                "/api/v1/admin/users/" + id,
                ApiClient.map("displayName", "赵磊磊", "phone", null, "password", "Another-Pass-2026"),
                Map.of("X-Request-Id", "audit-test-req-1"));
        JsonNode entries = admin.get("/api/v1/audit?recordId=" + id).json().path("data");
        assertThat(entries.size()).isEqualTo(2);
        JsonNode update = entries.get(0);
        assertThat(update.path("action").asString()).isEqualTo("update");
        assertThat(update.path("object").asString()).isEqualTo("user");
        assertThat(update.path("requestId").asString()).isEqualTo("audit-test-req-1");
        assertThat(update.path("ip").asString()).isNotBlank();
        assertThat(update.path("actorId").asString())
                .isEqualTo(admin.get("/api/v1/me").string("id"));
        assertThat(update.path("changes").values())
                .extracting(c -> c.path("field").asString() + ":"
                        + c.path("old").asString(null) + "->" + c.path("new").asString(null))
                .containsExactlyInAnyOrder("displayName:赵磊->赵磊磊", "phone:13800000000->null", "password:***->***");
        assertThat(entries.get(1).path("action").asString()).isEqualTo("create");
        assertThat(entries.toString()).doesNotContain("Another-Pass-2026").doesNotContain(PASSWORD);
    }

    @Test
    void signInsAndFailuresAreRecorded() {
        anonymous()
                .post(
                        "/api/v1/auth/login",
                        ApiClient.map("tenant", tenant.slug(), "username", "admin", "password", "wrong-password"));
        anonymous()
                .post(
                        "/api/v1/auth/login",
                        ApiClient.map("tenant", tenant.slug(), "username", "ghost", "password", "wrong-password"));
        List<String> actions = admin.get("/api/v1/audit?object=user").json().path("data").values().stream()
                .map(e -> e.path("action").asString())
                .toList();
        assertThat(actions).contains("login", "login_failed");
        JsonNode ghost = admin.get("/api/v1/audit?action=login_failed")
                .json()
                .path("data")
                .get(0);
        assertThat(ghost.path("detail").asString()).contains("ghost");
    }

    @Test
    void filtersByTimeAndPagesNewestFirst() {
        for (int i = 0; i < 5; i++) {
            admin.post("/api/v1/admin/org-units", ApiClient.map("name", "店" + i));
        }
        ApiClient.Response page1 = admin.get("/api/v1/audit?object=org_unit&action=create&limit=2");
        ApiClient.Response page2 =
                admin.get("/api/v1/audit?object=org_unit&action=create&limit=2&cursor=" + page1.string("nextCursor"));
        long newest = page1.json().path("data").get(0).path("id").asLong();
        assertThat(page1.json().path("data").get(1).path("id").asLong()).isLessThan(newest);
        assertThat(page2.json().path("data").get(0).path("id").asLong())
                .isLessThan(page1.json().path("data").get(1).path("id").asLong());
        String future = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString();
        assertThat(admin.get("/api/v1/audit?from=" + future).json().path("data").isEmpty())
                .isTrue();
        assertThat(admin.get("/api/v1/audit?from=yesterday").fieldErrors()).containsExactly("from:invalid_datetime");
    }

    @Test
    void nobodyCanChangeTheTrailThroughTheProduct() {
        assertThat(admin.send("DELETE", "/api/v1/audit", null, Map.of()).status())
                .isEqualTo(405);
        assertThat(admin.send("PATCH", "/api/v1/audit", "{}", Map.of()).status())
                .isEqualTo(405);
    }

    @Test
    void readingTheTrailNeedsTheRight() {
        admin.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username", "clerk", "displayName", "店员", "password", PASSWORD, "roles", List.of("sales")));
        assertThat(login(tenant.slug(), "clerk", PASSWORD).get("/api/v1/audit").isProblem(403))
                .isTrue();
    }
}
