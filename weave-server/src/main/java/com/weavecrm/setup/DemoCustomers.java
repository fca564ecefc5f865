package com.weavecrm.setup;

import com.weavecrm.platform.records.RecordWriter;
import com.weavecrm.platform.tenancy.TenantContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo company's customers: for every store a dozen customers owned by its staff, with contacts,
 * deals at every stage, a timeline of calls, visits, WeChat messages and orders, open tasks and the
 * odd service ticket. Seeded, so every demo looks the same.
 */
@Component
class DemoCustomers {

    private static final String[] SURNAMES = {"张", "王", "李", "赵", "陈", "刘", "杨", "黄", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "艳", "杰", "婷", "超"};
    private static final String[] COMPANIES = {
        "上海云启科技有限公司", "杭州禾田餐饮管理有限公司", "南京康和医疗器械有限公司", "广州悦动健身有限公司", "深圳蓝湾贸易有限公司", "北京博学教育科技有限公司"
    };
    private static final String[] STAGES = {"qualification", "proposal", "negotiation", "won", "lost"};
    private static final String[] CHANNELS = {"store", "web_form", "wecom", "douyin", "hotline_400", "referral"};
    private static final String[][] ACTIVITIES = {
        {"call", "电话回访：了解产品使用情况"},
        {"visit", "到店体验新品"},
        {"wechat", "企业微信沟通会员活动"},
        {"order", "门店下单：蛋白粉 2 罐"},
        {"note", "客户偏好低糖产品"}
    };
    private static final int CUSTOMERS_PER_STORE = 12;

    private final RecordWriter records;
    private final JsonMapper json;

    DemoCustomers(RecordWriter records, JsonMapper json) {
        this.records = records;
        this.json = json;
    }

    void fill(TenantContext ctx, Map<String, List<UUID>> staffByStore) {
        Random random = new Random(2026);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
        int n = 0;
        for (Map.Entry<String, List<UUID>> store : staffByStore.entrySet()) {
            UUID storeId = create(ctx, "store", Map.of("name", store.getKey(), "code", "S" + (100 + n)), null);
            for (int i = 0; i < CUSTOMERS_PER_STORE; i++, n++) {
                UUID owner = store.getValue().get(i % store.getValue().size());
                boolean company = n % 5 == 0;
                String name = SURNAMES[n % SURNAMES.length] + GIVEN[(n * 7) % GIVEN.length];
                Map<String, Object> customer = new LinkedHashMap<>();
                customer.put("name", name);
                customer.put("kind", company ? "company" : "person");
                customer.put("phone", String.format("1%d%09d", 3 + n % 6, 100_000_000 + n * 7_919));
                customer.put("gender", n % 2 == 0 ? "female" : "male");
                customer.put("channel", CHANNELS[n % CHANNELS.length]);
                customer.put("storeId", storeId.toString());
                customer.put("birthday", String.format("19%02d-%02d-%02d", 60 + n % 40, 1 + n % 12, 1 + n % 28));
                if (company) {
                    customer.put("company", COMPANIES[n % COMPANIES.length]);
                }
                if (n % 4 == 0) {
                    customer.put("tags", List.of("VIP"));
                }
                UUID customerId = create(ctx, "customer", customer, owner);
                if (company) {
                    create(
                            ctx,
                            "contact",
                            Map.of(
                                    "name",
                                    SURNAMES[(n + 3) % SURNAMES.length] + "经理",
                                    "customerId",
                                    customerId.toString(),
                                    "title",
                                    "采购经理"),
                            owner);
                }
                for (int d = 0; d < 1 + n % 2; d++) {
                    create(
                            ctx,
                            "deal",
                            Map.of(
                                    "name",
                                    name + (d == 0 ? " 年度会员" : " 礼盒套装"),
                                    "customerId",
                                    customerId.toString(),
                                    "amount",
                                    String.valueOf(300 + random.nextInt(30) * 100),
                                    "currency",
                                    "CNY",
                                    "stage",
                                    STAGES[(n + d) % STAGES.length]),
                            owner);
                }
                for (int a = 0; a < 3 + random.nextInt(6); a++) {
                    String[] activity = ACTIVITIES[(n + a) % ACTIVITIES.length];
                    create(
                            ctx,
                            "activity",
                            Map.of(
                                    "customerId",
                                    customerId.toString(),
                                    "kind",
                                    activity[0],
                                    "subject",
                                    activity[1],
                                    "occurredAt",
                                    now.minusDays(random.nextInt(120))
                                            .minusHours(a)
                                            .toString()),
                            owner);
                }
                if (n % 3 == 0) {
                    create(
                            ctx,
                            "task",
                            Map.of(
                                    "subject",
                                    "48 小时内回访 " + name,
                                    "status",
                                    "open",
                                    "dueAt",
                                    now.plusDays(2).toString(),
                                    "relatedObject",
                                    "customer",
                                    "relatedId",
                                    customerId.toString(),
                                    "assigneeId",
                                    owner.toString()),
                            owner);
                }
                if (n % 10 == 0) {
                    create(
                            ctx,
                            "ticket",
                            Map.of(
                                    "subject",
                                    "会员积分未到账",
                                    "customerId",
                                    customerId.toString(),
                                    "status",
                                    "open",
                                    "priority",
                                    "normal"),
                            owner);
                }
            }
        }
    }

    private UUID create(TenantContext ctx, String object, Map<String, Object> values, UUID owner) {
        Map<String, Object> body = new LinkedHashMap<>(values);
        if (owner != null) {
            body.put("ownerId", owner.toString());
        }
        return UUID.fromString(
                records.create(ctx, object, json.valueToTree(body)).get("id").toString());
    }
}
