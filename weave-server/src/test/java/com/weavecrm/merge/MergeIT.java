package com.weavecrm.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Merging customers with every kind of child, and undoing it, over the API on a real database. */
class MergeIT extends IntegrationTest {

    ApiClient admin;
    MergeFixture api;

    @BeforeEach
    void tenant() {
        admin = newTenant().admin();
        api = new MergeFixture(admin);
    }

    @Test
    void threeCustomersBecomeOneWithEveryChildAndUndoPutsEachBack() {
        admin.post("/api/v1/objects", ApiClient.map("apiName", "membership", "label", "会员卡"));
        admin.post(
                "/api/v1/objects/membership/fields",
                ApiClient.map("apiName", "holder", "label", "持卡人", "type", "lookup", "target", "customer"));
        ApiClient.Response rollup = admin.post(
                "/api/v1/objects/customer/fields",
                ApiClient.map(
                        "apiName",
                        "contact_count",
                        "label",
                        "联系人数",
                        "type",
                        "rollup",
                        "rollup",
                        ApiClient.map("object", "contact", "via", "customerId", "function", "count")));
        assertThat(rollup.status()).as(rollup.text()).isEqualTo(201);
        String a = api.create("customer", "name", "张伟");
        String b = api.create("customer", "name", "张伟", "phone", "13800138000", "email", "zw@example.cn");
        String c = api.create("customer", "wechatId", "zhangwei88", "company", "伟业商贸");
        // child "object/id" -> the customer it belongs to
        Map<String, String> parents = new LinkedHashMap<>();
        parents.put("contact/" + api.create("contact", "name", "甲", "customerId", a), a);
        parents.put("contact/" + api.create("contact", "name", "乙", "customerId", b), b);
        parents.put("contact/" + api.create("contact", "name", "丙", "customerId", c), c);
        String deal = api.create("deal", "name", "年卡", "customerId", b, "amount", "3000");
        parents.put("deal/" + deal, b);
        parents.put("activity/" + api.create("activity", "customerId", b, "kind", "call", "subject", "回访"), b);
        parents.put("activity/" + api.create("activity", "customerId", c, "kind", "visit", "subject", "到店"), c);
        parents.put("ticket/" + api.create("ticket", "subject", "退款", "customerId", c), c);
        parents.put("lead/" + api.create("lead", "name", "张伟", "customerId", b), b);
        parents.put("membership/" + api.create("membership", "holder", c), c);
        String binned = api.create("contact", "name", "已删除", "customerId", b);
        admin.delete(MergeFixture.records("contact") + "/" + binned);
        Map<String, String> tasks = new LinkedHashMap<>();
        tasks.put(task("customer", b), b);
        tasks.put(task("customer", c), c);
        tasks.put(task("customer", a), a);
        String dealTask = task("deal", deal);

        ApiClient.Response merged = api.merge(
                "customer",
                a,
                List.of(b, c),
                ApiClient.map("phone", "13800138000", "email", "zw@example.cn", "wechatId", "zhangwei88"));

        assertThat(merged.status()).as(merged.text()).isEqualTo(201);
        assertThat(merged.header("Location")).endsWith("/api/v1/dedupe/merges/" + merged.string("id"));
        JsonNode survivor = merged.json().path("survivor");
        assertThat(survivor.path("id").asString()).isEqualTo(a);
        assertThat(survivor.path("phone").asString()).isEqualTo("13800138000");
        assertThat(survivor.path("wechatId").asString()).isEqualTo("zhangwei88");
        assertThat(survivor.path("contact_count").asString()).isEqualTo("3.00");
        assertThat(merged.json().path("mergedIds").values())
                .extracting(JsonNode::asString)
                .containsExactly(b, c);
        assertThat(counts(merged.json().path("repointed")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "contact.customerId", 3,
                        "deal.customerId", 1,
                        "activity.customerId", 2,
                        "ticket.customerId", 1,
                        "lead.customerId", 1,
                        "membership.holder", 1,
                        "task.relatedId", 2));
        parents.keySet().forEach(child -> assertThat(parentOf(child)).as(child).isEqualTo(a));
        tasks.keySet()
                .forEach(t -> assertThat(api.value("task", t, "relatedId")).isEqualTo(a));
        assertThat(api.value("task", dealTask, "relatedId")).isEqualTo(deal);
        assertThat(api.read("customer", b).isProblem(404)).isTrue();
        assertThat(api.read("customer", c).isProblem(404)).isTrue();
        assertThat(admin.get("/api/v1/objects/customer/records?count=true")
                        .json()
                        .path("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(admin.get("/api/v1/customers/" + a + "/360")
                        .json()
                        .path("contacts")
                        .size())
                .isEqualTo(3);
        assertThat(api.audited("merge")).containsExactlyInAnyOrder(a, b, c);
        JsonNode entry = admin.get("/api/v1/audit?action=merge&recordId=" + a)
                .json()
                .path("data")
                .get(0);
        assertThat(entry.path("changes").values())
                .extracting(ch -> ch.path("field").asString())
                .containsExactlyInAnyOrder("phone", "email", "wechatId");
        assertThat(entry.path("detail").asString()).contains(b, c);
        String mergeId = merged.string("id");
        assertThat(admin.get(MergeFixture.MERGES + "/" + mergeId).string("status"))
                .isEqualTo("active");
        assertThat(admin.get(MergeFixture.MERGES + "?object=customer&mergedId=" + c)
                        .json()
                        .path("data")
                        .get(0)
                        .path("survivorId")
                        .asString())
                .isEqualTo(a);

        ApiClient.Response undone = api.undo(mergeId);

        assertThat(undone.status()).as(undone.text()).isEqualTo(200);
        assertThat(undone.string("status")).isEqualTo("undone");
        assertThat(undone.json().path("survivor").path("phone").isNull()).isTrue();
        assertThat(undone.json().path("survivor").path("contact_count").asString())
                .isEqualTo("1.00");
        parents.forEach((child, parent) -> assertThat(parentOf(child)).as(child).isEqualTo(parent));
        tasks.forEach(
                (t, parent) -> assertThat(api.value("task", t, "relatedId")).isEqualTo(parent));
        assertThat(api.value("customer", b, "phone")).isEqualTo("13800138000");
        assertThat(api.value("customer", c, "wechatId")).isEqualTo("zhangwei88");
        assertThat(api.value("customer", a, "wechatId")).isNull();
        assertThat(api.value("customer", b, "contact_count")).isEqualTo("1.00");
        assertThat(admin.post(MergeFixture.records("contact") + "/" + binned + "/restore", null)
                        .string("customerId"))
                .isEqualTo(b);
        assertThat(api.audited("unmerge")).containsExactlyInAnyOrder(a, b, c);
        assertThat(admin.get(MergeFixture.MERGES + "/" + mergeId).string("status"))
                .isEqualTo("undone");
        assertThat(api.undo(mergeId).isProblem(409)).isTrue();
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        String a = api.create("customer", "name", "李娜");
        String b = api.create("customer", "name", "李娜", "phone", "13900139000");
        String contact = api.create("contact", "name", "助理", "customerId", b);
        admin.patch(MergeFixture.records("customer") + "/" + a, ApiClient.map("company", "娜美"));
        admin.patch(MergeFixture.records("customer") + "/" + b, ApiClient.map("company", "娜美"));
        Map<String, Object> body = ApiClient.map(
                "object",
                "customer",
                "survivorId",
                a,
                "mergedIds",
                List.of(b),
                "values",
                Map.of("phone", "13900139000"));

        assertThat(admin.send("POST", MergeFixture.MERGES, body, Map.of("If-Match", "1"))
                        .isProblem(409))
                .isTrue();
        body.put("version", 1);
        assertThat(admin.post(MergeFixture.MERGES, body).isProblem(409)).isTrue();
        body.put("version", 2);
        body.put("mergedVersions", Map.of(b, 1));
        assertThat(admin.post(MergeFixture.MERGES, body).isProblem(409)).isTrue();

        assertThat(api.value("customer", b, "phone")).isEqualTo("13900139000");
        assertThat(api.value("customer", a, "phone")).isNull();
        assertThat(api.value("contact", contact, "customerId")).isEqualTo(b);
        assertThat(api.audited("merge")).isEmpty();
        body.put("mergedVersions", Map.of(b, 2));
        assertThat(admin.post(MergeFixture.MERGES, body).status()).isEqualTo(201);
        assertThat(api.value("contact", contact, "customerId")).isEqualTo(a);
    }

    @Test
    void badInputIsRefusedWithEveryFieldAndNothingWritten() {
        String a = api.create("customer", "name", "王芳");
        String b = api.create("customer", "name", "王芳", "phone", "13700137000");
        String contact = api.create("contact", "name", "王芳助理", "customerId", b);

        assertThat(api.merge("customer", a, List.of(a, b), Map.of()).fieldErrors())
                .containsExactly("mergedIds:contains_survivor");
        assertThat(api.merge("customer", a, List.of(), Map.of()).fieldErrors()).containsExactly("mergedIds:required");
        List<String> eleven = java.util.stream.IntStream.range(0, 11)
                .mapToObj(i -> java.util.UUID.randomUUID().toString())
                .toList();
        assertThat(api.merge("customer", a, eleven, Map.of()).fieldErrors()).containsExactly("mergedIds:too_many");
        ApiClient.Response wrong = admin.post(
                MergeFixture.MERGES,
                ApiClient.map(
                        "object", "nothing", "survivorId", "x", "mergedIds", List.of("y"), "values", "z", "extra", 1));
        assertThat(wrong.isProblem(400)).isTrue();
        assertThat(wrong.fieldErrors())
                .containsExactlyInAnyOrder(
                        "object:unknown_object",
                        "survivorId:invalid_id",
                        "mergedIds:invalid_item",
                        "values:invalid_type",
                        "extra:unknown_field");
        ApiClient.Response values = api.merge("customer", a, List.of(b), ApiClient.map("nope", 1, "email", "bad"));
        assertThat(values.isProblem(400)).isTrue();
        assertThat(values.fieldErrors())
                .containsExactlyInAnyOrder("values.nope:unknown_field", "values.email:invalid_format");

        assertThat(api.read("customer", b).status()).isEqualTo(200);
        assertThat(api.value("contact", contact, "customerId")).isEqualTo(b);
        assertThat(api.audited("merge")).isEmpty();
        assertThat(api.merge("customer", a, List.of(java.util.UUID.randomUUID().toString()), Map.of())
                        .isProblem(404))
                .isTrue();
        assertThat(admin.get(MergeFixture.MERGES + "/" + java.util.UUID.randomUUID())
                        .isProblem(404))
                .isTrue();
        assertThat(api.undo(java.util.UUID.randomUUID().toString()).isProblem(404))
                .isTrue();
        JsonNode docs = anonymous().get("/v3/api-docs").json();
        assertThat(docs.path("paths").has("/api/v1/dedupe/merges/{id}")).isTrue();
        assertThat(docs.path("paths")
                        .path("/api/v1/dedupe/merges")
                        .path("post")
                        .path("requestBody")
                        .toString())
                .contains("#/components/schemas/MergeInput");
        assertThat(docs.path("components").path("schemas").has("MergeInput")).isTrue();
    }

    private String task(String relatedObject, String relatedId) {
        return api.create(
                "task", "subject", "跟进", "status", "open", "relatedObject", relatedObject, "relatedId", relatedId);
    }

    /** The customer a child points at. */
    private String parentOf(String child) {
        String[] parts = child.split("/");
        String field = parts[0].equals("membership") ? "holder" : "customerId";
        return api.value(parts[0], parts[1], field);
    }

    private static Map<String, Integer> counts(JsonNode node) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        node.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asInt()));
        return counts;
    }
}
