package com.weavecrm.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.tenancy.TenantUpgrade;
import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A tenant from before the lead's follow-up fields: the upgrade after the migrations adds them as
 * standard read-only fields and fills them in from the deadlines the tenant already has.
 */
class FollowUpFieldsUpgradeIT extends IntegrationTest {

    @Autowired
    List<TenantUpgrade> upgrades;

    @Autowired
    TenantTx tx;

    @Test
    void aTenantFromBeforeTheFieldsGetsThemFilledIn() {
        TestTenant tenant = newTenant();
        ApiClient api = tenant.admin();
        api.post(
                "/api/v1/follow-up/policies",
                ApiClient.map("name", "全部", "firstResponseMinutes", 30, "followUpHours", 48));
        String lead = api.post(
                        "/api/v1/objects/lead/records",
                        ApiClient.map("name", "孙芬", "phone", "13812345611", "status", "new"))
                .string("id");
        assertThat(api.post("/api/v1/leads/" + lead + "/confirm", Map.of()).status())
                .isEqualTo(200);
        TenantContext system = TenantContext.system(tenant.tenant(), "test-upgrade");
        tx.callAsSchemaOwner(system, dsl -> {
            dsl.execute(
                    "alter table {0} drop column first_response_minutes, drop column follow_up_status",
                    tenant.tenant().table("r_lead"));
            dsl.deleteFrom(tenant.tenant().table("meta_field"))
                    .where(DSL.field(DSL.name("api_name"), String.class).in("firstResponseMinutes", "followUpStatus"))
                    .execute();
            return dsl.execute(
                    "update {0} set metadata_version = metadata_version + 1",
                    tenant.tenant().table("tenant_settings"));
        });
        ApiClient before = login(tenant.slug(), "admin", PASSWORD);
        assertThat(before.get("/api/v1/objects/lead/records/" + lead).json().has("followUpStatus"))
                .isFalse();

        upgrades.forEach(upgrade -> upgrade.upgrade(system));
        upgrades.forEach(upgrade -> upgrade.upgrade(system));

        ApiClient after = login(tenant.slug(), "admin", PASSWORD);
        JsonNode record = after.get("/api/v1/objects/lead/records/" + lead).json();
        assertThat(record.path("followUpStatus").asString()).isEqualTo("pending");
        assertThat(record.path("firstResponseMinutes").isNumber())
                .as(record.toString())
                .isTrue();
        assertThat(record.path("firstResponseMinutes").asInt()).isZero();
        JsonNode fields = after.get("/api/v1/objects/lead").json().path("fields");
        List<String> derived = new java.util.ArrayList<>();
        fields.forEach(f -> {
            if (f.path("readOnly").asBoolean() && f.path("standard").asBoolean()) {
                derived.add(f.path("apiName").asString());
            }
        });
        assertThat(derived).containsExactly("firstResponseMinutes", "followUpStatus");
        assertThat(after.get("/api/v1/audit?object=metadata").text()).contains("lead.followUpStatus");
    }
}
