package com.weavecrm.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Channel attribution: first and latest touch of customers and deals, kept by the product only. */
class AttributionIT extends IntegrationTest {

    private static final String INTAKE = "/api/v1/leads/intake";
    static final String CUSTOMERS_PATH = "/api/v1/objects/customer/records";
    private static final String CUSTOMERS = CUSTOMERS_PATH;
    private static final String DEALS = "/api/v1/objects/deal/records";

    @Test
    void intakesMoveTheCustomersLatestTouchAndDealsStartFromIt() {
        ApiClient admin = newTenant().admin();

        ApiClient.Response first = admin.post(
                INTAKE,
                ApiClient.map(
                        "name",
                        "李娜",
                        "phone",
                        "13900001111",
                        "company",
                        "上海云启科技有限公司",
                        "channel",
                        "官网表单",
                        "campaign",
                        "春季体验课"));
        String customer = first.string("customerId");
        JsonNode created = read(admin, CUSTOMERS, customer);
        assertThat(touch(created, "firstTouch")).containsExactly("web_form", "春季体验课");
        assertThat(touch(created, "lastTouch")).containsExactly("web_form", "春季体验课");
        assertThat(created.path("firstTouchAt").asString())
                .isNotBlank()
                .isEqualTo(created.path("lastTouchAt").asString());

        ApiClient.Response second = admin.post(
                INTAKE,
                ApiClient.map(
                        "name",
                        "李娜",
                        "phone",
                        "+86 139 0000 1111",
                        "company",
                        "云启科技(上海)有限公司",
                        "channel",
                        "wecom",
                        "utm",
                        ApiClient.map("source", "wx", "campaign", "summer")));
        assertThat(second.string("customerId")).isEqualTo(customer);
        JsonNode matched = read(admin, CUSTOMERS, customer);
        assertThat(touch(matched, "firstTouch")).containsExactly("web_form", "春季体验课");
        assertThat(matched.path("firstTouchAt").asString())
                .isEqualTo(created.path("firstTouchAt").asString());
        assertThat(touch(matched, "lastTouch")).containsExactly("wecom", "summer");
        assertThat(at(matched, "lastTouchAt")).isAfter(at(matched, "firstTouchAt"));

        String deal = create(admin, DEALS, ApiClient.map("name", "年卡", "customerId", customer));
        String own = create(admin, DEALS, ApiClient.map("name", "转介绍单", "customerId", customer, "channel", "referral"));
        String won = create(admin, DEALS, ApiClient.map("name", "体验课", "customerId", customer, "stage", "won"));
        JsonNode fresh = read(admin, DEALS, deal);
        assertThat(touch(fresh, "firstTouch")).containsExactly("wecom", "summer");
        assertThat(touch(fresh, "lastTouch")).containsExactly("wecom", "summer");
        assertThat(fresh.path("firstTouchAt").asString())
                .isEqualTo(matched.path("lastTouchAt").asString());
        assertThat(touch(read(admin, DEALS, own), "firstTouch")).containsExactly("referral", null);

        admin.post(
                INTAKE,
                ApiClient.map("name", "李娜", "phone", "13900001111", "company", "上海云启科技有限公司", "channel", "douyin"));
        assertThat(touch(read(admin, CUSTOMERS, customer), "lastTouch")).containsExactly("douyin", null);
        JsonNode open = read(admin, DEALS, deal);
        assertThat(touch(open, "firstTouch")).containsExactly("wecom", "summer");
        assertThat(touch(open, "lastTouch")).containsExactly("douyin", null);
        assertThat(touch(read(admin, DEALS, won), "lastTouch")).containsExactly("wecom", "summer");

        ApiClient.Response filtered = admin.get(CUSTOMERS + "?count=true&sort=-lastTouchAt&filter="
                + java.net.URLEncoder.encode(
                        "lastTouchChannel == \"douyin\"", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(filtered.status()).as(filtered.text()).isEqualTo(200);
        assertThat(filtered.json().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void clientsCannotWriteTouchesAndAManualCustomerStartsFromItsOwnChannel() {
        ApiClient admin = newTenant().admin();

        ApiClient.Response created = admin.post(
                CUSTOMERS,
                ApiClient.map(
                        "name",
                        "王强",
                        "phone",
                        "13700002222",
                        "channel",
                        "store",
                        "firstTouchChannel",
                        "douyin",
                        "lastTouchAt",
                        "2020-01-01T00:00:00Z"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.string("id");
        assertThat(touch(created.json(), "firstTouch")).containsExactly("store", null);
        assertThat(touch(created.json(), "lastTouch")).containsExactly("store", null);
        assertThat(at(created.json(), "lastTouchAt"))
                .isAfter(OffsetDateTime.now().minusHours(1));

        ApiClient.Response patched = admin.patch(
                CUSTOMERS + "/" + id, ApiClient.map("name", "王强强", "lastTouchChannel", "wecom", "channel", "wecom"));
        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        JsonNode after = read(admin, CUSTOMERS, id);
        assertThat(after.path("name").asString()).isEqualTo("王强强");
        assertThat(touch(after, "lastTouch")).containsExactly("store", null);
        JsonNode update =
                admin.get(CUSTOMERS + "/" + id + "/history").json().path("data").get(0);
        assertThat(update.path("action").asString()).isEqualTo("update");
        assertThat(update.path("changes").values().stream()
                        .map(c -> c.path("field").asString()))
                .containsExactlyInAnyOrder("name", "channel");

        String none = create(admin, CUSTOMERS, ApiClient.map("name", "无渠道", "phone", "13700003333"));
        assertThat(read(admin, CUSTOMERS, none).path("firstTouchChannel").isNull())
                .isTrue();

        JsonNode fields = admin.get("/api/v1/objects/customer").json().path("fields");
        JsonNode first = fields.values().stream()
                .filter(f -> f.path("apiName").asString().equals("firstTouchChannel"))
                .findFirst()
                .orElseThrow();
        assertThat(first.path("readOnly").asBoolean()).isTrue();
        assertThat(first.path("standard").asBoolean()).isTrue();
        assertThat(first.path("labels").path("zh-CN").asString()).isEqualTo("首次触达渠道");
        assertThat(first.path("labels").path("en").asString()).isEqualTo("First-touch channel");
        JsonNode dealFields = admin.get("/api/v1/objects/deal").json().path("fields");
        assertThat(dealFields.values().stream().map(f -> f.path("apiName").asString()))
                .contains("channel", "firstTouchChannel", "firstTouchCampaign", "firstTouchAt", "lastTouchAt");
    }

    static JsonNode read(ApiClient client, String records, String id) {
        ApiClient.Response response = client.get(records + "/" + id);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    static String create(ApiClient client, String records, Object body) {
        ApiClient.Response response = client.post(records, body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.string("id");
    }

    /** The touch's channel and campaign. */
    static List<String> touch(JsonNode record, String which) {
        return java.util.Arrays.asList(text(record.path(which + "Channel")), text(record.path(which + "Campaign")));
    }

    static OffsetDateTime at(JsonNode record, String field) {
        return OffsetDateTime.parse(record.path(field).asString());
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asString();
    }
}
