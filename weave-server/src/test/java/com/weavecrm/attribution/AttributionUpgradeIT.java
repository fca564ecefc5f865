package com.weavecrm.attribution;

import static com.weavecrm.attribution.AttributionIT.create;
import static com.weavecrm.attribution.AttributionIT.read;
import static com.weavecrm.attribution.AttributionIT.touch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.name;

import com.weavecrm.platform.tenancy.Tenant;
import com.weavecrm.platform.tenancy.TenantProvisioner;
import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A tenant from before attribution: migration V19 creates the columns and fills them from the lead
 * intakes and the customers' own channels, the upgrade adds the standard fields around them.
 */
class AttributionUpgradeIT extends IntegrationTest {

    private static final List<String> TOUCH_FIELDS = List.of(
            "firstTouchChannel",
            "firstTouchCampaign",
            "firstTouchAt",
            "lastTouchChannel",
            "lastTouchCampaign",
            "lastTouchAt");
    private static final String TOUCH_COLUMNS = "first_touch_channel, first_touch_campaign, first_touch_at,"
            + " last_touch_channel, last_touch_campaign, last_touch_at";

    @Autowired
    DSLContext dsl;

    @Autowired
    TenantProvisioner provisioner;

    @Test
    void existingRowsAreFilledFromIntakesAndOwnChannels() {
        TestTenant test = newTenant();
        ApiClient admin = test.admin();
        String customer = admin.post(
                        "/api/v1/leads/intake",
                        ApiClient.map("name", "赵敏", "phone", "13600004444", "channel", "官网表单", "campaign", "开学季"))
                .string("customerId");
        admin.post(
                "/api/v1/leads/intake",
                ApiClient.map(
                        "name",
                        "赵敏",
                        "phone",
                        "13600004444",
                        "channel",
                        "抖音",
                        "utm",
                        ApiClient.map("campaign", "dy-1")));
        String walkIn = create(
                admin,
                AttributionIT.CUSTOMERS_PATH,
                ApiClient.map("name", "钱多", "phone", "13600005555", "channel", "store"));
        String deal =
                create(admin, "/api/v1/objects/deal/records", ApiClient.map("name", "私教课", "customerId", customer));

        before19(test.tenant());
        provisioner.migrateAll();

        JsonNode person = read(admin, AttributionIT.CUSTOMERS_PATH, customer);
        assertThat(touch(person, "firstTouch")).containsExactly("web_form", "开学季");
        assertThat(touch(person, "lastTouch")).containsExactly("douyin", "dy-1");
        assertThat(touch(read(admin, AttributionIT.CUSTOMERS_PATH, walkIn), "lastTouch"))
                .containsExactly("store", null);
        JsonNode upgraded = read(admin, "/api/v1/objects/deal/records", deal);
        assertThat(touch(upgraded, "firstTouch")).containsExactly("douyin", "dy-1");
        assertThat(touch(upgraded, "lastTouch")).containsExactly("douyin", "dy-1");
        JsonNode fields = admin.get("/api/v1/objects/customer").json().path("fields");
        assertThat(fields.values().stream()
                        .filter(f -> TOUCH_FIELDS.contains(f.path("apiName").asString()))
                        .filter(f -> f.path("readOnly").asBoolean()))
                .hasSize(6);
        ApiClient.Response ownChannel =
                admin.patch("/api/v1/objects/deal/records/" + deal, ApiClient.map("channel", "referral"));
        assertThat(ownChannel.status()).as(ownChannel.text()).isEqualTo(200);
    }

    /** Takes the tenant back to before V19: no attribution fields, columns or migration. */
    private void before19(Tenant tenant) {
        String schema = tenant.schema();
        dsl.execute(
                "delete from {0} f using {1} o where o.id = f.object_id and ((o.api_name in ('customer', 'deal')"
                        + " and f.api_name like any (array['firstTouch%', 'lastTouch%'])) or (o.api_name = 'deal'"
                        + " and f.api_name = 'channel'))",
                name(schema, "meta_field"), name(schema, "meta_object"));
        dsl.execute(
                "alter table {0} drop column " + TOUCH_COLUMNS.replace(", ", ", drop column "),
                name(schema, "r_customer"));
        dsl.execute(
                "alter table {0} drop column channel, drop column " + TOUCH_COLUMNS.replace(", ", ", drop column "),
                name(schema, "r_deal"));
        dsl.execute("update {0} set metadata_version = metadata_version + 1", name(schema, "tenant_settings"));
        dsl.execute("delete from {0} where version = '19'", name(schema, "flyway_schema_history"));
        dsl.execute(
                "update platform.tenant set schema_version = '18' where id = {0}", org.jooq.impl.DSL.val(tenant.id()));
    }
}
