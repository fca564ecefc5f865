package com.weavecrm.platform.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ComputedFieldsIT extends IntegrationTest {

    static final String R = "/api/v1/objects/lesson/records";
    ApiClient admin;

    @BeforeEach
    void lesson() {
        admin = newTenant().admin();
        admin.post("/api/v1/objects", ApiClient.map("apiName", "lesson", "label", "课程"));
        post(ApiClient.map("apiName", "title", "label", "名称", "type", "text", "required", true));
        post(ApiClient.map(
                "apiName",
                "seats",
                "label",
                "名额",
                "type",
                "integer",
                "default",
                20,
                "validations",
                List.of(ApiClient.map(
                        "expression",
                        "seats == null || (seats > 0 && seats <= 100)",
                        "message",
                        ApiClient.map("zh-CN", "名额须在 1 到 100 之间", "en", "Seats must be 1 to 100")))));
        post(ApiClient.map("apiName", "price", "label", "单价", "type", "money"));
        post(ApiClient.map(
                "apiName", "level", "label", "级别", "type", "picklist", "values", List.of("a", "b"), "default", "b"));
        post(ApiClient.map(
                "apiName",
                "revenue",
                "label",
                "预计收入",
                "type",
                "formula",
                "expression",
                "price == null || seats == null ? 0.0 : price * double(seats)"));
        post(ApiClient.map("apiName", "code", "label", "编号", "type", "auto_number", "pattern", "KC-{0000}"));
    }

    @Test
    void defaultsAutoNumbersFormulasAndValidationRules() {
        ApiClient.Response first = admin.post(R, ApiClient.map("title", "日语", "price", "99.50"));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.json().path("seats").asInt()).isEqualTo(20);
        assertThat(first.string("level")).isEqualTo("b");
        assertThat(first.string("code")).isEqualTo("KC-0001");
        assertThat(first.string("revenue")).isEqualTo("1990");
        assertThat(admin.post(R, ApiClient.map("title", "英语")).string("code")).isEqualTo("KC-0002");

        ApiClient.Response changed = admin.patch(R + "/" + first.string("id"), ApiClient.map("seats", 10));
        assertThat(changed.string("revenue")).isEqualTo("995");
        ApiClient.Response refused = admin.patch(R + "/" + first.string("id"), ApiClient.map("seats", 500));
        assertThat(refused.isProblem(400)).isTrue();
        assertThat(refused.fieldErrors()).containsExactly("seats:validation_failed");
        assertThat(refused.json().path("errors").get(0).path("message").asString())
                .isEqualTo("名额须在 1 到 100 之间");
        assertThat(admin.patch(R + "/" + first.string("id"), ApiClient.map("code", "X"))
                        .fieldErrors())
                .containsExactly("code:read_only");
        assertThat(admin.patch(R + "/" + first.string("id"), ApiClient.map("revenue", "1"))
                        .fieldErrors())
                .containsExactly("revenue:read_only");
    }

    @Test
    void rollupsFollowTheirChildrenThroughCreateUpdateDeleteAndRestore() {
        admin.post("/api/v1/objects", ApiClient.map("apiName", "booking", "label", "报名"));
        ApiClient.Response lookup = admin.post(
                "/api/v1/objects/booking/fields",
                ApiClient.map("apiName", "lesson", "label", "课程", "type", "lookup", "target", "lesson"));
        assertThat(lookup.status()).as(lookup.text()).isEqualTo(201);
        admin.post("/api/v1/objects/booking/fields", ApiClient.map("apiName", "paid", "label", "实付", "type", "money"));
        post(ApiClient.map(
                "apiName",
                "bookings",
                "label",
                "报名数",
                "type",
                "rollup",
                "rollup",
                ApiClient.map("object", "booking", "via", "lesson", "function", "count")));
        post(ApiClient.map(
                "apiName",
                "income",
                "label",
                "实收",
                "type",
                "rollup",
                "rollup",
                ApiClient.map("object", "booking", "via", "lesson", "function", "sum", "field", "paid")));
        String a = admin.post(R, ApiClient.map("title", "日语")).string("id");
        String b = admin.post(R, ApiClient.map("title", "英语")).string("id");
        String first = admin.post("/api/v1/objects/booking/records", ApiClient.map("lesson", a, "paid", "100"))
                .string("id");
        admin.post("/api/v1/objects/booking/records", ApiClient.map("lesson", a, "paid", "50.5"));
        assertThat(admin.get(R + "/" + a).string("bookings")).isEqualTo("2.00");
        assertThat(admin.get(R + "/" + a).string("income")).isEqualTo("150.50");

        admin.patch("/api/v1/objects/booking/records/" + first, ApiClient.map("lesson", b));
        assertThat(admin.get(R + "/" + a).string("income")).isEqualTo("50.50");
        assertThat(admin.get(R + "/" + b).string("bookings")).isEqualTo("1.00");

        admin.delete("/api/v1/objects/booking/records/" + first);
        assertThat(admin.get(R + "/" + b).string("bookings")).isEqualTo("0.00");
        admin.post("/api/v1/objects/booking/records/" + first + "/restore", null);
        assertThat(admin.get(R + "/" + b).string("income")).isEqualTo("100.00");
    }

    @Test
    void badRollupsAreRefused() {
        assertThat(admin.post(
                                "/api/v1/objects/lesson/fields",
                                ApiClient.map(
                                        "apiName",
                                        "r1",
                                        "label",
                                        "x",
                                        "type",
                                        "rollup",
                                        "rollup",
                                        ApiClient.map("object", "nothing", "via", "x", "function", "avg")))
                        .fieldErrors())
                .containsExactlyInAnyOrder("rollup.function:invalid_value", "rollup.object:unknown_object");
        assertThat(admin.post(
                                "/api/v1/objects/lesson/fields",
                                ApiClient.map(
                                        "apiName",
                                        "r2",
                                        "label",
                                        "x",
                                        "type",
                                        "rollup",
                                        "rollup",
                                        ApiClient.map(
                                                "object",
                                                "lesson",
                                                "via",
                                                "title",
                                                "function",
                                                "sum",
                                                "field",
                                                "title")))
                        .fieldErrors())
                .containsExactlyInAnyOrder("rollup.via:not_a_lookup_here", "rollup.field:not_numeric");
    }

    @Test
    void badExpressionsAndDefaultsAreRefusedWhenTheFieldIsDefined() {
        assertThat(admin.post(
                                "/api/v1/objects/lesson/fields",
                                ApiClient.map(
                                        "apiName", "x1", "label", "x", "type", "formula", "expression", "seats +"))
                        .fieldErrors())
                .containsExactly("expression:invalid_expression");
        assertThat(admin.post(
                                "/api/v1/objects/lesson/fields",
                                ApiClient.map(
                                        "apiName",
                                        "x2",
                                        "label",
                                        "x",
                                        "type",
                                        "integer",
                                        "validations",
                                        List.of(ApiClient.map("expression", "x2 + 1", "message", "m"))))
                        .fieldErrors())
                .containsExactly("validations[0].expression:invalid_expression");
        assertThat(admin.post(
                                "/api/v1/objects/lesson/fields",
                                ApiClient.map("apiName", "x3", "label", "x", "type", "integer", "default", "many"))
                        .fieldErrors())
                .containsExactly("default:invalid_type");
    }

    private void post(Object field) {
        ApiClient.Response response = admin.post("/api/v1/objects/lesson/fields", field);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }
}
