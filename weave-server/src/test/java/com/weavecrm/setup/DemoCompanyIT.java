package com.weavecrm.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.platform.tenancy.Tenant;
import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class DemoCompanyIT extends IntegrationTest {

    @Autowired
    DemoCompany demo;

    @Test
    void aHealthFoodChainWithHqThreeRegionsTwelveStoresAndFortyPeopleInEveryRole() {
        String slug = "demo" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Tenant tenant = demo.create(slug, PASSWORD);
        ApiClient admin = login(tenant.slug(), "admin", PASSWORD);

        Map<String, Long> unitsByKind = admin.get("/api/v1/admin/org-units").json().path("data").values().stream()
                .collect(Collectors.groupingBy(u -> u.path("kind").asString(), Collectors.counting()));
        assertThat(unitsByKind)
                .containsEntry("hq", 1L)
                .containsEntry("region", 3L)
                .containsEntry("store", 12L);

        JsonNode users = admin.get("/api/v1/admin/users?limit=200").json().path("data");
        assertThat(users.size()).isEqualTo(40);
        assertThat(users.values().stream()
                        .flatMap(u -> u.path("roles").values().stream())
                        .map(JsonNode::asString))
                .contains(
                        "tenant_admin",
                        "hq_manager",
                        "region_manager",
                        "store_manager",
                        "sales",
                        "service_agent",
                        "marketing",
                        "observer");

        // a region manager sees their region's people only; a clerk signs in with the shared password
        ApiClient regionManager = login(tenant.slug(), "zhaolei", PASSWORD);
        int visible = regionManager
                .get("/api/v1/admin/users?limit=200")
                .json()
                .path("data")
                .size();
        assertThat(visible).isEqualTo(11); // the manager, 4 store managers, 6 clerks
        assertThat(login(tenant.slug(), "chenjing", PASSWORD)
                        .get("/api/v1/admin/users")
                        .status())
                .isEqualTo(403); // a service agent
        // the customers of the chain: a dozen per store with deals and a timeline; a clerk sees their own
        ApiClient.Response customers = admin.get("/api/v1/objects/customer/records?limit=1&count=true");
        assertThat(customers.json().path("total").asInt()).isEqualTo(144);
        String customerId = customers.json().path("data").get(0).path("id").asString();
        JsonNode view = admin.get("/api/v1/customers/" + customerId + "/360").json();
        assertThat(view.path("activities").path("data").size()).isGreaterThanOrEqualTo(3);
        assertThat(view.path("deals").path("data").size()).isGreaterThanOrEqualTo(1);
        assertThat(view.path("store").path("name").asString()).endsWith("店");
        int mine = login(tenant.slug(), "zhouqiang", PASSWORD)
                .get("/api/v1/objects/customer/records?limit=200")
                .json()
                .path("data")
                .size();
        assertThat(mine).isBetween(1, 12);
        assertThat(login(tenant.slug(), "jiayi", PASSWORD).get("/api/v1/me").status())
                .isEqualTo(200);
    }
}
