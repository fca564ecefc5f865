package com.weavecrm.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Merges of leads and contacts, and when an undo is refused. */
class MergeUndoIT extends IntegrationTest {

    ApiClient admin;
    MergeFixture api;

    @BeforeEach
    void tenant() {
        admin = newTenant().admin();
        api = new MergeFixture(admin);
    }

    @Test
    void leadsMergeAndAnUndoAfterTheSurvivorChangedIsAConflictNamingTheField() {
        String first = api.create("lead", "name", "陈静", "channel", "douyin");
        String second = api.create("lead", "name", "陈静", "phone", "13500135000", "campaign", "春季");
        String task =
                api.create("task", "subject", "回电", "relatedObject", "lead", "relatedId", second, "status", "open");
        ApiClient.Response merged =
                api.merge("lead", first, List.of(second), Map.of("phone", "13500135000", "campaign", "春季"));
        assertThat(merged.status()).as(merged.text()).isEqualTo(201);
        assertThat(merged.json().path("repointed").path("task.relatedId").asInt())
                .isEqualTo(1);
        assertThat(api.value("task", task, "relatedId")).isEqualTo(first);
        admin.patch(MergeFixture.records("lead") + "/" + first, ApiClient.map("campaign", "夏季"));

        ApiClient.Response refused = api.undo(merged.string("id"));

        assertThat(refused.isProblem(409)).isTrue();
        assertThat(refused.fieldErrors()).containsExactly("campaign:changed_since_merge");
        assertThat(api.read("lead", second).isProblem(404)).isTrue();
        assertThat(api.value("task", task, "relatedId")).isEqualTo(first);
        admin.patch(MergeFixture.records("lead") + "/" + first, ApiClient.map("campaign", "春季"));
        assertThat(api.undo(merged.string("id")).status()).isEqualTo(200);
        assertThat(api.value("lead", first, "campaign")).isNull();
        assertThat(api.value("lead", second, "campaign")).isEqualTo("春季");
        assertThat(api.value("task", task, "relatedId")).isEqualTo(second);
    }

    @Test
    void contactsMergeAndUndoAndAMergeIntoADeletedSurvivorCannotBeUndone() {
        String customer = api.create("customer", "name", "刘洋");
        String keep = api.create("contact", "name", "刘洋", "customerId", customer);
        String drop = api.create("contact", "name", "刘洋", "title", "经理", "customerId", customer);
        String task = api.create("task", "subject", "拜访", "relatedObject", "contact", "relatedId", drop);
        ApiClient.Response merged = api.merge("contact", keep, List.of(drop), Map.of("title", "经理"));
        assertThat(merged.status()).as(merged.text()).isEqualTo(201);
        assertThat(merged.json().path("survivor").path("title").asString()).isEqualTo("经理");
        assertThat(api.undo(merged.string("id")).status()).isEqualTo(200);
        assertThat(api.value("task", task, "relatedId")).isEqualTo(drop);
        assertThat(api.value("contact", keep, "title")).isNull();

        String again = api.merge("contact", keep, List.of(drop), Map.of()).string("id");
        admin.delete(MergeFixture.records("contact") + "/" + keep);
        assertThat(api.undo(again).isProblem(409)).isTrue();
        assertThat(api.read("contact", drop).isProblem(404)).isTrue();
    }
}
