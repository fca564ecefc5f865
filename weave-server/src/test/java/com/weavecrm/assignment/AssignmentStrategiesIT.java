package com.weavecrm.assignment;

import static com.weavecrm.assignment.AssignmentFixture.RULES;
import static com.weavecrm.assignment.AssignmentFixture.members;
import static com.weavecrm.assignment.AssignmentFixture.ruleSteps;
import static com.weavecrm.assignment.AssignmentFixture.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Who intake gives a lead to under each strategy, and the trace that says why. */
class AssignmentStrategiesIT extends IntegrationTest {

    @Test
    void roundRobinGivesEachMemberInTurnAndSaysAfterWhom() {
        AssignmentFixture fx = new AssignmentFixture(newTenant().admin());
        String a = fx.user("ua", "张三");
        String b = fx.user("ub", "李四");
        String c = fx.user("uc", "王五");
        fx.rule("name", "轮流", "strategy", "round_robin", "members", members(a, b, c));

        List<String> owners = new ArrayList<>();
        List<JsonNode> intakes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            JsonNode intake = fx.intake("channel", "web_form");
            intakes.add(intake);
            owners.add(intake.path("ownerId").asString());
        }
        assertThat(owners).containsExactly(a, b, c, a, b, c);
        JsonNode first = step(intakes.get(0), "assigned");
        assertThat(first.path("why").asString()).isEqualTo("round_robin_first");
        JsonNode second = step(intakes.get(1), "assigned");
        assertThat(second.path("why").asString()).isEqualTo("round_robin_next");
        assertThat(second.path("reason").asString()).isEqualTo("round robin: next after 张三");
        assertThat(second.path("owner").asString()).isEqualTo("李四");
        assertThat(second.path("rule").asString()).isEqualTo("轮流");
    }

    @Test
    void roundRobinStaysFairUnderConcurrentIntakes() throws Exception {
        AssignmentFixture fx = new AssignmentFixture(newTenant().admin());
        String a = fx.user("ua", "张三");
        String b = fx.user("ub", "李四");
        String c = fx.user("uc", "王五");
        fx.rule("name", "轮流", "strategy", "round_robin", "members", members(a, b, c));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                futures.add(pool.submit(() -> fx.intakeOwner("channel", "web_form")));
            }
            List<String> owners = new ArrayList<>();
            for (Future<String> future : futures) {
                owners.add(future.get());
            }
            Map<String, Long> counts =
                    owners.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(counts.keySet()).containsExactlyInAnyOrder(a, b, c);
            assertThat(Collections.max(counts.values()) - Collections.min(counts.values()))
                    .isLessThanOrEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void weightedFollowsTheWeights() {
        AssignmentFixture fx = new AssignmentFixture(newTenant().admin());
        String a = fx.user("ua", "张三");
        String b = fx.user("ub", "李四");
        fx.rule(
                "name",
                "按权重",
                "strategy",
                "weighted",
                "members",
                List.of(ApiClient.map("userId", a, "weight", 3), ApiClient.map("userId", b, "weight", 1)));
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            owners.add(fx.intakeOwner());
        }
        assertThat(Collections.frequency(owners, a)).isEqualTo(6);
        assertThat(Collections.frequency(owners, b)).isEqualTo(2);
        assertThat(owners.subList(0, 4)).containsExactly(a, a, b, a);
        assertThat(step(fx.intake(), "assigned").path("reason").asString()).isEqualTo("weighted: weight 3 of 4");
    }

    @Test
    void leastLoadedPicksWhoeverHasFewestOpenLeads() {
        ApiClient admin = newTenant().admin();
        AssignmentFixture fx = new AssignmentFixture(admin);
        String a = fx.user("ua", "张三");
        String b = fx.user("ub", "李四");
        String c = fx.user("uc", "王五");
        lead(admin, a, "new");
        lead(admin, a, "contacted");
        lead(admin, a, "new");
        lead(admin, b, "new");
        lead(admin, b, "lost");
        lead(admin, b, "converted");
        lead(admin, c, "new");
        lead(admin, c, "new");
        fx.rule("name", "最闲", "strategy", "least_loaded", "members", members(a, b, c));

        JsonNode intake = fx.intake();
        assertThat(intake.path("ownerId").asString()).isEqualTo(b);
        JsonNode assigned = step(intake, "assigned");
        assertThat(assigned.path("why").asString()).isEqualTo("least_loaded");
        assertThat(assigned.path("reason").asString()).isEqualTo("least loaded: 1 open leads vs 2");
        assertThat(fx.intakeOwner()).isIn(b, c);
    }

    @Test
    void capsSendLeadsToTheNextMemberThenToTheDefaultQueue() {
        AssignmentFixture fx = new AssignmentFixture(newTenant().admin());
        String a = fx.user("ua", "张三");
        String b = fx.user("ub", "李四");
        String me = fx.myId();
        fx.rule("name", "每天一条", "strategy", "round_robin", "members", members(a, b), "dailyCap", 1);

        assertThat(fx.intakeOwner()).isEqualTo(a);
        assertThat(fx.intakeOwner()).isEqualTo(b);
        JsonNode third = fx.intake();
        assertThat(third.path("ownerId").asString()).isEqualTo(me);
        JsonNode rule = ruleSteps(third).getFirst();
        assertThat(rule.path("matched").asBoolean()).isTrue();
        assertThat(rule.path("why").asString()).isEqualTo("all_members_capped");
        assertThat(rule.path("skipped").get(0).path("why").asString()).isEqualTo("capped");
        JsonNode assigned = step(third, "assigned");
        assertThat(assigned.path("rule").asString()).isEqualTo("default");
        assertThat(assigned.path("queue").asString()).isEqualTo("default");
        assertThat(assigned.path("why").asString()).isEqualTo("nobody_available");

        String c = fx.user("uc", "王五");
        fx.rule("name", "后备", "strategy", "queue", "queue", "备用", "members", members(c));
        JsonNode fourth = fx.intake();
        assertThat(fourth.path("ownerId").asString()).isEqualTo(c);
        assertThat(step(fourth, "assigned").path("queue").asString()).isEqualTo("备用");
        assertThat(ruleSteps(fourth)).hasSize(2);
    }

    @Test
    void absentMembersAndHoursOutsideWorkAreSkipped() {
        ApiClient admin = newTenant().admin();
        AssignmentFixture fx = new AssignmentFixture(admin);
        String a = fx.user("ua", "张三");
        String b = fx.user("ub", "李四");
        String me = fx.myId();
        fx.rule("name", "上班时间轮流", "strategy", "round_robin", "members", members(a, b), "workingHoursOnly", true);
        admin.patch(
                RULES + "/settings",
                ApiClient.map(
                        "workingHours", ApiClient.map("days", List.of(1, 2, 3, 4, 5), "from", "09:00", "to", "18:00")));
        try {
            clock.setTo(WorkingTimes.lastAt(java.time.DayOfWeek.SATURDAY, 3));
            JsonNode night = fx.intake();
            assertThat(night.path("ownerId").asString()).isEqualTo(me);
            JsonNode rule = ruleSteps(night).getFirst();
            assertThat(rule.path("why").asString()).isEqualTo("outside_working_hours");
            assertThat(step(night, "assigned").path("queue").asString()).isEqualTo("default");

            clock.setTo(WorkingTimes.lastAt(java.time.DayOfWeek.MONDAY, 10));
            ApiClient.Response away = admin.post(
                    RULES + "/absences",
                    ApiClient.map(
                            "userId",
                            a,
                            "from",
                            clock.instant().minusSeconds(3600).toString(),
                            "to",
                            clock.instant().plusSeconds(3600).toString(),
                            "note",
                            "病假"));
            assertThat(away.status()).as(away.text()).isEqualTo(201);
            JsonNode day = fx.intake();
            assertThat(day.path("ownerId").asString()).isEqualTo(b);
            JsonNode skipped = ruleSteps(day).getFirst().path("skipped").get(0);
            assertThat(skipped.path("userId").asString()).isEqualTo(a);
            assertThat(skipped.path("why").asString()).isEqualTo("on_leave");

            clock.advance(java.time.Duration.ofHours(2));
            assertThat(fx.intakeOwner()).isEqualTo(a);
        } finally {
            clock.reset();
        }
    }

    @Test
    void aLeadNoRuleMatchesGoesToTheDefaultQueueAndTheTraceSaysWhy() {
        ApiClient admin = newTenant().admin();
        AssignmentFixture fx = new AssignmentFixture(admin);
        String a = fx.user("ua", "张三");
        String d = fx.user("ud", "值班");
        String web = fx.rule(
                        "name",
                        "官网",
                        "condition",
                        "channel == \"web_form\" && region.startsWith(\"31\")",
                        "strategy",
                        "round_robin",
                        "members",
                        members(a))
                .path("id")
                .asString();
        fx.rule(
                "name",
                "大单",
                "condition",
                "amount >= 100000",
                "strategy",
                "queue",
                "queue",
                "大客户",
                "members",
                members(a));

        JsonNode intake = fx.intake("channel", "wechat", "region", "310104");
        assertThat(intake.path("ownerId").asString()).isEqualTo(fx.myId());
        List<JsonNode> rules = ruleSteps(intake);
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).path("ruleId").asString()).isEqualTo(web);
        assertThat(rules.get(0).path("matched").asBoolean()).isFalse();
        assertThat(rules.get(0).path("why").asString()).isEqualTo("condition_false");
        JsonNode assigned = step(intake, "assigned");
        assertThat(assigned.path("why").asString()).isEqualTo("no_rule_matched");
        assertThat(assigned.path("queue").asString()).isEqualTo("default");

        admin.patch(RULES + "/settings", ApiClient.map("defaultOwnerId", d));
        assertThat(fx.intakeOwner("channel", "wechat")).isEqualTo(d);

        JsonNode matched = fx.intake("channel", "web_form", "region", "310104");
        assertThat(matched.path("ownerId").asString()).isEqualTo(a);
        assertThat(ruleSteps(matched).getFirst().path("why").asString()).isEqualTo("picked");
        JsonNode big = fx.intake("channel", "wechat", "amount", 250000);
        assertThat(step(big, "assigned").path("queue").asString()).isEqualTo("大客户");

        JsonNode stored = admin.get("/api/v1/leads/" + matched.path("leadId").asString() + "/trace")
                .json();
        assertThat(stored.path("trace")).isEqualTo(matched.path("trace"));
        JsonNode lead = admin.get(
                        "/api/v1/objects/lead/records/" + matched.path("leadId").asString())
                .json();
        assertThat(lead.path("ownerId").asString()).isEqualTo(a);
    }

    @Test
    void anExistingCustomersOwnerKeepsTheirCustomerUnlessTheTenantSaysOtherwise() {
        ApiClient admin = newTenant().admin();
        AssignmentFixture fx = new AssignmentFixture(admin);
        String a = fx.user("ua", "张三");
        String b = fx.user("ub", "李四");
        fx.rule("name", "轮流", "strategy", "round_robin", "members", members(b));
        String phone = fx.phone();
        JsonNode first = fx.intake("phone", phone, "name", "赵敏");
        assertThat(first.path("ownerId").asString()).isEqualTo(b);
        String customer = first.path("customerId").asString();
        assertThat(admin.patch("/api/v1/objects/customer/records/" + customer, ApiClient.map("ownerId", a))
                        .status())
                .isEqualTo(200);

        JsonNode again = fx.intake("phone", phone, "name", "赵敏", "campaign", "回访");
        assertThat(again.path("duplicateOf").asString()).isEqualTo(customer);
        assertThat(again.path("ownerId").asString()).isEqualTo(a);
        assertThat(step(again, "assigned").path("rule").asString()).isEqualTo("owner_of_existing_customer");
        assertThat(ruleSteps(again)).isEmpty();

        admin.patch(RULES + "/settings", ApiClient.map("keepExistingOwner", false));
        JsonNode ruled = fx.intake("phone", phone, "name", "赵敏", "campaign", "双十一");
        assertThat(ruled.path("ownerId").asString()).isEqualTo(b);
    }

    @Test
    void territoriesFollowTheLeadsStoreOrRegion() {
        ApiClient admin = newTenant().admin();
        AssignmentFixture fx = new AssignmentFixture(admin);
        String unit = admin.post("/api/v1/admin/org-units", ApiClient.map("name", "静安店", "kind", "store"))
                .string("id");
        String clerk = fx.user("jingan", "静安店员", unit);
        String store = admin.post(
                        "/api/v1/objects/store/records",
                        ApiClient.map("name", "静安店", "region", "310106", "orgUnitId", unit))
                .string("id");
        fx.rule("name", "按门店", "strategy", "territory");

        JsonNode byStore = fx.intake("storeId", store);
        assertThat(byStore.path("ownerId").asString()).isEqualTo(clerk);
        assertThat(step(byStore, "assigned").path("territory").asString()).isEqualTo("store:" + store);
        JsonNode byRegion = fx.intake("region", "310101");
        assertThat(byRegion.path("ownerId").asString()).isEqualTo(clerk);
        assertThat(step(byRegion, "assigned").path("territory").asString()).isEqualTo("region:3101");
        JsonNode nowhere = fx.intake("region", "440300");
        assertThat(ruleSteps(nowhere).getFirst().path("why").asString()).isEqualTo("no_territory");
        assertThat(nowhere.path("ownerId").asString()).isEqualTo(fx.myId());
    }

    @Test
    void withoutRulesTheSubmitterKeepsTheLeadWithRulesItGoesWhereverTheyChooseEvenOutsideTheScope() {
        TestTenant tenant = newTenant();
        AssignmentFixture fx = new AssignmentFixture(tenant.admin());
        String clerkId = fx.user("clerk", "店员");
        String b = fx.user("ub", "李四");
        AssignmentFixture clerk = new AssignmentFixture(login(tenant.slug(), "clerk", PASSWORD));
        JsonNode own = clerk.intake("channel", "store");
        assertThat(own.path("ownerId").asString()).isEqualTo(clerkId);
        assertThat(step(own, "assigned").path("rule").asString()).isEqualTo("submitter");
        assertThat(step(own, "assigned").path("why").asString()).isEqualTo("no_rules");

        fx.rule("name", "轮流", "strategy", "round_robin", "members", members(b));

        JsonNode intake = clerk.intake("channel", "store");
        assertThat(intake.path("ownerId").asString()).isEqualTo(b);
        JsonNode lead = tenant.admin()
                .get("/api/v1/objects/lead/records/" + intake.path("leadId").asString())
                .json();
        assertThat(lead.path("ownerId").asString()).isEqualTo(b);
    }

    @Test
    void aDryRunDecidesWithoutMovingAnything() {
        ApiClient admin = newTenant().admin();
        AssignmentFixture fx = new AssignmentFixture(admin);
        String a = fx.user("ua", "张三");
        String b = fx.user("ub", "李四");
        fx.rule(
                "name",
                "轮流",
                "condition",
                "channel == \"web_form\"",
                "strategy",
                "round_robin",
                "members",
                members(a, b));
        Map<String, Object> body = ApiClient.map("lead", ApiClient.map("channel", "web_form", "amount", 30000));
        for (int i = 0; i < 2; i++) {
            ApiClient.Response test = admin.post(RULES + "/test", body);
            assertThat(test.status()).as(test.text()).isEqualTo(200);
            assertThat(test.string("ownerId")).isEqualTo(a);
            assertThat(ruleSteps(test.json()).getFirst().path("matched").asBoolean())
                    .isTrue();
        }
        assertThat(fx.intakeOwner("channel", "web_form")).isEqualTo(a);
        assertThat(admin.post(RULES + "/test", body).string("ownerId")).isEqualTo(b);
        assertThat(admin.post(RULES + "/test", ApiClient.map("lead", ApiClient.map("city", "上海")))
                        .fieldErrors())
                .containsExactly("lead.city:unknown_field");
    }

    private static void lead(ApiClient admin, String owner, String status) {
        ApiClient.Response response = admin.post(
                "/api/v1/objects/lead/records", ApiClient.map("name", "线索", "status", status, "ownerId", owner));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }
}
