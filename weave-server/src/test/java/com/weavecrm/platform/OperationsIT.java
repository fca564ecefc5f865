package com.weavecrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationsIT extends IntegrationTest {

    @Test
    void healthMetricsAndApiDocsAreServed() {
        ApiClient.Response health = anonymous().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.string("status")).isEqualTo("UP");
        assertThat(anonymous().get("/actuator/prometheus").text()).contains("jvm_memory_used_bytes");
        ApiClient.Response docs = anonymous().get("/v3/api-docs");
        assertThat(docs.json().path("openapi").asString()).startsWith("3.1");
        assertThat(docs.json().path("paths").has("/api/v1/auth/login")).isTrue();
        assertThat(docs.json().path("paths").has("/api/v1/admin/users")).isTrue();
    }

    @Test
    void everyResponseCarriesSecurityHeadersAndARequestId() {
        ApiClient.Response response =
                anonymous().send("GET", "/api/v1/me", null, Map.of("X-Request-Id", "test-req-12345"));
        assertThat(response.isProblem(401)).isTrue();
        assertThat(response.header("X-Request-Id")).isEqualTo("test-req-12345");
        assertThat(response.json().path("requestId").asString()).isEqualTo("test-req-12345");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @Test
    void unknownApiPathsAnswer404Problems() {
        ApiClient admin = login("default", "admin", ADMIN_PASSWORD);
        assertThat(admin.get("/api/v1/no-such-thing").isProblem(404)).isTrue();
    }
}
