package com.weavecrm.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The real-time check, blocking duplicates on write, settings, and batch scans with their pairs. */
class DuplicatesIT extends IntegrationTest {

    @Test
    void theCheckFindsTheSamePersonWrittenDifferentlyWithReasons() {
        ApiClient admin = newTenant().admin();
        String id = create(admin, "name", "张伟", "phone", "13812345678", "company", "上海云启科技有限公司");
        create(admin, "name", "张伟", "phone", "13987654321", "company", "北京远方贸易有限公司");

        ApiClient.Response check = admin.post(
                "/api/v1/dedupe/check",
                ApiClient.map(
                        "object",
                        "customer",
                        "values",
                        ApiClient.map("name", "章伟", "phone", "+86 138 1234 5678", "company", "云启科技(上海)")));

        assertThat(check.status()).as(check.text()).isEqualTo(200);
        JsonNode matches = check.json().path("data");
        assertThat(matches.size()).isEqualTo(1);
        assertThat(matches.get(0).path("id").asString()).isEqualTo(id);
        assertThat(codes(matches.get(0))).contains("same_mobile", "name_sound", "same_company");
        assertThat(matches.get(0).path("reasons").get(0).path("message").asString())
                .isNotBlank();
        assertThat(admin.post("/api/v1/dedupe/check", ApiClient.map("object", "deal", "values", Map.of()))
                        .fieldErrors())
                .containsExactly("object:not_supported");
    }

    @Test
    void blockingRefusesADuplicateWriteAndLeavesNothingBehind() {
        TestTenant tenant = newTenant();
        ApiClient admin = tenant.admin();
        create(admin, "name", "李娜", "phone", "13900001111");
        ApiClient.Response settings = admin.send(
                "PUT", "/api/v1/dedupe/settings/customer", ApiClient.map("threshold", 5, "onWrite", "block"), Map.of());
        assertThat(settings.status()).as(settings.text()).isEqualTo(200);
        assertThat(settings.json().path("onWrite").asString()).isEqualTo("block");

        ApiClient.Response refused =
                admin.post("/api/v1/objects/customer/records", ApiClient.map("name", "李娜", "phone", "139-0000-1111"));

        assertThat(refused.isProblem(409)).as(refused.text()).isTrue();
        assertThat(refused.fieldErrors()).containsExactly("id:duplicate_of");
        assertThat(count(admin)).isEqualTo(1);
        assertThat(admin.post("/api/v1/objects/customer/records", ApiClient.map("name", "王芳", "phone", "13700002222"))
                        .status())
                .isEqualTo(201);
        ApiClient.Response bad = admin.send(
                "PUT",
                "/api/v1/dedupe/settings/customer",
                ApiClient.map("threshold", 0, "onWrite", "sometimes"),
                Map.of());
        assertThat(bad.fieldErrors()).containsExactlyInAnyOrder("threshold:out_of_range", "onWrite:invalid_value");
    }

    @Test
    void aScanFindsEachPairOnceInTheCallersScopeAndPagesThroughThem() throws Exception {
        TestTenant tenant = newTenant();
        ApiClient admin = tenant.admin();
        admin.post(
                "/api/v1/admin/roles",
                ApiClient.map(
                        "apiName",
                        "clerk",
                        "label",
                        "店员",
                        "permissions",
                        List.of(ApiClient.map(
                                "object",
                                "customer",
                                "actions",
                                List.of("read", "create", "update"),
                                "scope",
                                "own"))));
        admin.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username", "clerk", "displayName", "店员", "password", PASSWORD, "roles", List.of("clerk")));
        ApiClient clerk = login(tenant.slug(), "clerk", PASSWORD);
        List<String> group = new ArrayList<>();
        group.add(create(clerk, "name", "刘海涛", "phone", "13153180330"));
        group.add(create(clerk, "name", "劉海濤", "phone", "+8613153180330", "email", "lht@qq.com"));
        group.add(create(clerk, "name", "Liu Haitao", "email", "LHT@qq.com"));
        create(clerk, "name", "刘海洋", "phone", "13000000001", "address", "北京市朝阳区建国路1号");
        String hidden = create(admin, "name", "刘海涛", "phone", "13153180330");

        JsonNode scan = finished(clerk, clerk.post("/api/v1/dedupe/scans", ApiClient.map("object", "customer")));

        assertThat(scan.path("status").asString()).isEqualTo("done");
        assertThat(scan.path("pairsFound").asInt()).isEqualTo(3);
        String id = scan.path("id").asString();
        ApiClient.Response first = clerk.get("/api/v1/dedupe/scans/" + id + "/pairs?limit=2");
        ApiClient.Response rest =
                clerk.get("/api/v1/dedupe/scans/" + id + "/pairs?limit=2&cursor=" + first.string("nextCursor"));
        List<JsonNode> pairs = new ArrayList<>();
        first.json().path("data").forEach(pairs::add);
        rest.json().path("data").forEach(pairs::add);
        assertThat(rest.json().path("nextCursor").isNull()).isTrue();
        Set<Set<String>> found = pairs.stream()
                .map(p -> Set.of(p.path("a").asString(), p.path("b").asString()))
                .collect(Collectors.toSet());
        assertThat(found)
                .containsExactlyInAnyOrder(
                        Set.of(group.get(0), group.get(1)),
                        Set.of(group.get(1), group.get(2)),
                        Set.of(group.get(0), group.get(2)));
        assertThat(found.stream().flatMap(Set::stream)).doesNotContain(hidden);
        assertThat(pairs).allSatisfy(p -> assertThat(p.path("reasons").size()).isPositive());

        assertThat(admin.get("/api/v1/dedupe/scans/" + id).isProblem(404)).isTrue();
        assertThat(newTenant()
                        .admin()
                        .get("/api/v1/dedupe/scans/" + id + "/pairs")
                        .isProblem(404))
                .isTrue();
        assertThat(clerk.get("/api/v1/dedupe/scans/" + id + "/pairs?limit=1001").fieldErrors())
                .containsExactly("limit:out_of_range");
        assertThat(clerk.post("/api/v1/dedupe/scans", ApiClient.map("object", "task"))
                        .isProblem(400))
                .isTrue();
    }

    static JsonNode finished(ApiClient client, ApiClient.Response started) throws InterruptedException {
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        JsonNode scan = started.json();
        while (scan.path("status").asString().equals("running") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            scan = client.get("/api/v1/dedupe/scans/" + started.string("id")).json();
        }
        return scan;
    }

    private static String create(ApiClient client, Object... values) {
        ApiClient.Response created = client.post("/api/v1/objects/customer/records", ApiClient.map(values));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.string("id");
    }

    private static long count(ApiClient client) {
        return client.get("/api/v1/objects/customer/records?count=true")
                .json()
                .path("total")
                .asLong();
    }

    private static List<String> codes(JsonNode match) {
        List<String> codes = new ArrayList<>();
        match.path("reasons").forEach(r -> codes.add(r.path("code").asString()));
        return codes;
    }
}
