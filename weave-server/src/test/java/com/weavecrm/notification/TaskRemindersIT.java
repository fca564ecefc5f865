package com.weavecrm.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Task reminders on durable timers: the assignee is told 15 minutes (the tenant's offset) before a
 * task is due — not before — and a reminder follows the due time, and goes when the task is done or
 * deleted. Time is moved with the server's clock (and put back after each test).
 */
class TaskRemindersIT extends IntegrationTest {

    private static final String TASKS = "/api/v1/objects/task/records";

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theAssigneeIsRemindedBeforeTheDueTimeAndRemindersFollowTheTask() throws Exception {
        TestTenant tenant = newTenant();
        ApiClient admin = tenant.admin();
        UUID frankId = NotificationFixture.user(admin, "frank", null, PASSWORD);
        ApiClient frank = login(tenant.slug(), "frank", PASSWORD);
        assertThat(admin.get("/api/v1/admin/notification-settings")
                        .json()
                        .path("taskReminderMinutes")
                        .asInt())
                .isEqualTo(15);

        String due = task(admin, "回访张伟", frankId, in(Duration.ofMinutes(20)));
        String earlier = task(admin, "寄样品", frankId, in(Duration.ofMinutes(60)));
        String later = task(admin, "约面谈", frankId, in(Duration.ofMinutes(20)));
        String done = task(admin, "签合同", frankId, in(Duration.ofMinutes(20)));
        String deleted = task(admin, "作废任务", frankId, in(Duration.ofMinutes(20)));
        String soon = task(admin, "马上要做", frankId, in(Duration.ofMinutes(5)));
        String unassigned = task(admin, "没人负责", null, in(Duration.ofMinutes(20)));

        // the reminder follows the due time both ways; done and deleted tasks lose theirs
        assertThat(admin.patch(TASKS + "/" + earlier, Map.of("dueAt", in(Duration.ofMinutes(20))))
                        .status())
                .isEqualTo(200);
        assertThat(admin.patch(TASKS + "/" + later, Map.of("dueAt", in(Duration.ofMinutes(60))))
                        .status())
                .isEqualTo(200);
        assertThat(admin.patch(TASKS + "/" + done, Map.of("status", "done")).status())
                .isEqualTo(200);
        assertThat(admin.delete(TASKS + "/" + deleted).status()).isEqualTo(204);

        // due within the offset already: reminded at once
        assertThat(awaitReminders(frank, 1, Duration.ofSeconds(15))).containsExactly(soon);
        Thread.sleep(2_000);
        assertThat(reminders(frank)).as("nothing else before its time").containsExactly(soon);

        clock.advance(Duration.ofMinutes(6));
        assertThat(awaitReminders(frank, 3, Duration.ofSeconds(15))).containsExactlyInAnyOrder(due, earlier, soon);
        JsonNode reminder = frank.get("/api/v1/notifications").json().path("data").values().stream()
                .filter(n -> n.path("relatedId").asString().equals(due))
                .findFirst()
                .orElseThrow();
        assertThat(reminder.path("kind").asString()).isEqualTo("task_due");
        assertThat(reminder.path("title").asString()).isEqualTo("任务即将到期：回访张伟");
        assertThat(reminder.path("link").asString()).isEqualTo("/records/task/" + due);
        Thread.sleep(3_000);
        assertThat(reminders(frank))
                .as("the postponed, done, deleted and unassigned tasks are not reminded")
                .doesNotContain(later, done, deleted, unassigned)
                .hasSize(3);
        assertThat(admin.get("/api/v1/notifications").json().path("data").size())
                .isZero();
    }

    @Test
    void theOffsetIsATenantSetting() throws Exception {
        TestTenant tenant = newTenant();
        ApiClient admin = tenant.admin();
        UUID gusId = NotificationFixture.user(admin, "gus", null, PASSWORD);
        ApiClient gus = login(tenant.slug(), "gus", PASSWORD);
        assertThat(gus.patch("/api/v1/admin/notification-settings", Map.of("taskReminderMinutes", 60))
                        .isProblem(403))
                .isTrue();
        assertThat(admin.patch("/api/v1/admin/notification-settings", Map.of("taskReminderMinutes", -1))
                        .fieldErrors())
                .containsExactly("taskReminderMinutes:out_of_range");
        assertThat(admin.patch("/api/v1/admin/notification-settings", Map.of("taskReminderMinutes", "x"))
                        .fieldErrors())
                .containsExactly("taskReminderMinutes:invalid_type");
        ApiClient.Response changed =
                admin.patch("/api/v1/admin/notification-settings", Map.of("taskReminderMinutes", 60));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().path("taskReminderMinutes").asInt()).isEqualTo(60);

        String task = task(admin, "一小时内到期", gusId, in(Duration.ofMinutes(30)));
        assertThat(awaitReminders(gus, 1, Duration.ofSeconds(15))).containsExactly(task);
    }

    private static String task(ApiClient client, String subject, UUID assignee, String dueAt) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("subject", subject);
        body.put("dueAt", dueAt);
        body.put("status", "open");
        if (assignee != null) {
            body.put("assigneeId", assignee.toString());
        }
        ApiClient.Response created = client.post(TASKS, body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.string("id");
    }

    private String in(Duration duration) {
        return OffsetDateTime.ofInstant(clock.instant().plus(duration), ZoneOffset.ofHours(8))
                .toString();
    }

    /** The tasks the user was reminded of, newest reminder first. */
    private static List<String> reminders(ApiClient client) {
        List<String> tasks = new ArrayList<>();
        client.get("/api/v1/notifications?limit=200")
                .json()
                .path("data")
                .values()
                .forEach(n -> {
                    if (n.path("kind").asString().equals("task_due")) {
                        tasks.add(n.path("relatedId").asString());
                    }
                });
        return tasks;
    }

    private static List<String> awaitReminders(ApiClient client, int count, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        List<String> found = reminders(client);
        while (found.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(250);
            found = reminders(client);
        }
        return found;
    }
}
