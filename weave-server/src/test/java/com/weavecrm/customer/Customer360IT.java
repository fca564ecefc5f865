package com.weavecrm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class Customer360IT extends IntegrationTest {

    @Test
    void aCustomerHasACheckedCidAndNeedsAWayToBeFound() {
        ApiClient admin = newTenant().admin();
        ApiClient.Response customer =
                admin.post("/api/v1/objects/customer/records", ApiClient.map("phone", "13800138000", "cid", "FORGED"));
        String cid = customer.string("cid");
        assertThat(cid).hasSize(12).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}");
        assertThat(CustomerIds.isValid(cid)).isTrue();
        assertThat(CustomerIds.isValid(cid.substring(0, 11) + (cid.charAt(11) == 'A' ? 'B' : 'A')))
                .isFalse();
        assertThat(admin.get("/api/v1/objects/customer/records?filter=cid%20%3D%3D%20%22" + cid + "%22")
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);
        assertThat(admin.post("/api/v1/objects/customer/records", ApiClient.map("gender", "male"))
                        .fieldErrors())
                .containsExactly("name:one_of_required");
        assertThat(admin.patch(
                                "/api/v1/objects/customer/records/" + customer.string("id"),
                                ApiClient.map("phone", null))
                        .fieldErrors())
                .containsExactly("name:one_of_required");
        assertThat(admin.patch("/api/v1/objects/customer/records/" + customer.string("id"), ApiClient.map("cid", "X"))
                        .json()
                        .path("cid")
                        .asString())
                .isEqualTo(cid);
    }

    @Test
    void the360ViewGathersEverythingInOneCall() {
        TestTenant tenant = newTenant();
        ApiClient admin = tenant.admin();
        String store = admin.post("/api/v1/objects/store/records", ApiClient.map("name", "静安店"))
                .string("id");
        String id = admin.post(
                        "/api/v1/objects/customer/records",
                        ApiClient.map("name", "李娜", "storeId", store, "tags", List.of("VIP", "老客户")))
                .string("id");
        admin.post("/api/v1/objects/contact/records", ApiClient.map("name", "李娜助理", "customerId", id));
        admin.post(
                "/api/v1/objects/deal/records",
                ApiClient.map("name", "年卡", "customerId", id, "amount", "3000", "stage", "proposal"));
        admin.post(
                "/api/v1/objects/deal/records",
                ApiClient.map("name", "月卡", "customerId", id, "amount", "300.50", "stage", "proposal"));
        for (int i = 0; i < 25; i++) {
            admin.post(
                    "/api/v1/objects/activity/records",
                    ApiClient.map(
                            "customerId",
                            id,
                            "kind",
                            "call",
                            "subject",
                            "回访 " + i,
                            "occurredAt",
                            String.format("2026-11-%02dT10:00:00+08:00", i + 1)));
        }
        admin.post(
                "/api/v1/objects/task/records",
                ApiClient.map("subject", "生日问候", "status", "open", "relatedObject", "customer", "relatedId", id));
        admin.post("/api/v1/objects/ticket/records", ApiClient.map("subject", "退款", "customerId", id));

        JsonNode view = admin.get("/api/v1/customers/" + id + "/360").json();
        assertThat(view.path("customer").path("name").asString()).isEqualTo("李娜");
        assertThat(view.path("cid").asString()).hasSize(12);
        assertThat(view.path("owner").path("username").asString()).isEqualTo("admin");
        assertThat(view.path("store").path("name").asString()).isEqualTo("静安店");
        assertThat(view.path("contacts").size()).isEqualTo(1);
        assertThat(view.path("deals").path("byStage").get(0).path("amount").asString())
                .isEqualTo("3300.50");
        assertThat(view.path("activities").path("data").size()).isEqualTo(20);
        assertThat(view.path("activities").path("data").get(0).path("subject").asString())
                .isEqualTo("回访 24");
        String next = view.path("activities").path("nextCursor").asString();
        JsonNode rest = admin.get("/api/v1/customers/" + id + "/360?activitiesCursor=" + next)
                .json();
        assertThat(rest.path("activities").path("data").size()).isEqualTo(5);
        assertThat(view.path("tasks").size()).isEqualTo(1);
        assertThat(view.path("tickets").size()).isEqualTo(1);
        assertThat(view.path("tags").values()).extracting(JsonNode::asString).containsExactly("VIP", "老客户");

        admin.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username", "clerk", "displayName", "店员", "password", PASSWORD, "roles", List.of("sales")));
        ApiClient clerk = login(tenant.slug(), "clerk", PASSWORD);
        assertThat(clerk.get("/api/v1/customers/" + id + "/360").isProblem(404)).isTrue();
        assertThat(newTenant().admin().get("/api/v1/customers/" + id + "/360").isProblem(404))
                .isTrue();
    }
}
