package com.weavecrm.platform.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The standard objects every tenant has (CONTRACT §3) with their standard fields. Tenants add their
 * own fields to them; standard fields cannot be deleted.
 */
public final class StandardObjects {

    /** A standard field: its api name, type, labels and settings. */
    public record Field(
            String apiName,
            FieldType type,
            String zh,
            String en,
            boolean required,
            boolean readOnly,
            boolean unique,
            Integer maxLength,
            List<PicklistValue> values,
            String target) {}

    /** A standard object and its fields; {@code nameField} names its records. */
    public record Object(
            String apiName, String zh, String en, String nameField, List<Field> fields, List<Index> indexes) {
        Object(String apiName, String zh, String en, String nameField, List<Field> fields) {
            this(apiName, zh, en, nameField, fields, List.of());
        }
    }

    /**
     * An index the product's own screens need on a standard object (the activity timeline of a
     * customer, a record's tasks), over live records only.
     *
     * @param columns column list in SQL, written here by the product — never from input
     */
    public record Index(String suffix, String columns) {}

    private StandardObjects() {}

    public static List<Object> all() {
        return List.of(
                new Object(
                        "store",
                        "门店",
                        "Store",
                        "name",
                        List.of(
                                text("name", "名称", "Name", 100, true),
                                text("code", "编码", "Code", 32, false),
                                field("region", FieldType.REGION, "地区", "Region"),
                                text("address", "地址", "Address", 500, false),
                                field("phone", FieldType.PHONE, "电话", "Phone"),
                                text("orgUnitId", "组织单元", "Org unit", 64, false))),
                new Object(
                        "customer",
                        "客户",
                        "Customer",
                        "name",
                        withTouches(List.of(
                                new Field(
                                        "cid",
                                        FieldType.TEXT,
                                        "客户编号",
                                        "Customer ID",
                                        false,
                                        true,
                                        true,
                                        12,
                                        List.of(),
                                        null),
                                text("name", "姓名/名称", "Name", 100, false),
                                picklist(
                                        "kind",
                                        "类型",
                                        "Kind",
                                        v("person", "个人", "Person"),
                                        v("company", "企业", "Company")),
                                text("company", "公司", "Company", 200, false),
                                field("phone", FieldType.PHONE, "手机/电话", "Phone"),
                                field("email", FieldType.EMAIL, "邮箱", "Email"),
                                text("wechatId", "微信号", "WeChat ID", 64, false),
                                text("idNumber", "证件号码", "ID number", 64, false),
                                picklist(
                                        "gender",
                                        "性别",
                                        "Gender",
                                        v("male", "男", "Male"),
                                        v("female", "女", "Female"),
                                        v("unknown", "未知", "Unknown")),
                                field("birthday", FieldType.DATE, "生日", "Birthday"),
                                field("region", FieldType.REGION, "地区", "Region"),
                                text("address", "地址", "Address", 500, false),
                                text("industry", "行业", "Industry", 100, false),
                                channel(),
                                lookup("storeId", "所属门店", "Store", "store"),
                                new Field(
                                        "tags",
                                        FieldType.MULTI_PICKLIST,
                                        "标签",
                                        "Tags",
                                        false,
                                        false,
                                        false,
                                        null,
                                        List.of(),
                                        null)))),
                new Object(
                        "contact",
                        "联系人",
                        "Contact",
                        "name",
                        List.of(
                                text("name", "姓名", "Name", 100, true),
                                lookup("customerId", "客户", "Customer", "customer"),
                                text("title", "职位", "Title", 100, false),
                                field("phone", FieldType.PHONE, "电话", "Phone"),
                                field("email", FieldType.EMAIL, "邮箱", "Email"),
                                text("wechatId", "微信号", "WeChat ID", 64, false))),
                new Object(
                        "lead",
                        "线索",
                        "Lead",
                        "name",
                        List.of(
                                text("name", "姓名", "Name", 100, false),
                                text("company", "公司", "Company", 200, false),
                                field("phone", FieldType.PHONE, "电话", "Phone"),
                                field("email", FieldType.EMAIL, "邮箱", "Email"),
                                text("wechatId", "微信号", "WeChat ID", 64, false),
                                channel(),
                                text("campaign", "活动", "Campaign", 100, false),
                                picklist(
                                        "status",
                                        "状态",
                                        "Status",
                                        v("new", "新线索", "New"),
                                        v("contacted", "已联系", "Contacted"),
                                        v("qualified", "已确认", "Qualified"),
                                        v("converted", "已转化", "Converted"),
                                        v("lost", "已流失", "Lost")),
                                lookup("customerId", "客户", "Customer", "customer"),
                                // kept by the follow-up deadlines (com.weavecrm.followup), never written by users
                                readOnly(field(
                                        "firstResponseMinutes", FieldType.INTEGER, "首次响应（分钟）", "First response (min)")),
                                readOnly(picklist(
                                        "followUpStatus",
                                        "跟进状态",
                                        "Follow-up status",
                                        new PicklistValue("pending", Map.of("zh-CN", "进行中", "en", "Open"), "#0d6efd"),
                                        new PicklistValue("met", Map.of("zh-CN", "按时跟进", "en", "Met"), "#198754"),
                                        new PicklistValue(
                                                "breached", Map.of("zh-CN", "已超时", "en", "Breached"), "#dc3545"),
                                        new PicklistValue(
                                                "cancelled", Map.of("zh-CN", "已取消", "en", "Cancelled"), "#6c757d"))))),
                new Object(
                        "deal",
                        "商机",
                        "Deal",
                        "name",
                        withTouches(List.of(
                                text("name", "名称", "Name", 200, true),
                                lookup("customerId", "客户", "Customer", "customer"),
                                field("amount", FieldType.MONEY, "金额", "Amount"),
                                text("currency", "币种", "Currency", 3, false),
                                text("pipelineId", "销售流程", "Pipeline", 64, false),
                                text("stage", "阶段", "Stage", 64, false),
                                field("closeDate", FieldType.DATE, "预计成交日期", "Close date"),
                                field("probability", FieldType.PERCENT, "赢率", "Probability"),
                                channel()))),
                new Object(
                        "activity",
                        "活动记录",
                        "Activity",
                        "subject",
                        List.of(
                                lookup("customerId", "客户", "Customer", "customer"),
                                picklist(
                                        "kind",
                                        "类型",
                                        "Kind",
                                        v("call", "电话", "Call"),
                                        v("visit", "拜访", "Visit"),
                                        v("wechat", "微信", "WeChat"),
                                        v("email", "邮件", "Email"),
                                        v("order", "订单", "Order"),
                                        v("ticket", "工单", "Ticket"),
                                        v("note", "备注", "Note")),
                                text("subject", "主题", "Subject", 200, false),
                                new Field(
                                        "body",
                                        FieldType.LONG_TEXT,
                                        "内容",
                                        "Body",
                                        false,
                                        false,
                                        false,
                                        100_000,
                                        List.of(),
                                        null),
                                field("occurredAt", FieldType.DATETIME, "发生时间", "Occurred at")),
                        List.of(new Index("timeline", "customer_id, occurred_at desc nulls last, id desc"))),
                new Object(
                        "task",
                        "任务",
                        "Task",
                        "subject",
                        List.of(
                                text("subject", "主题", "Subject", 200, true),
                                field("dueAt", FieldType.DATETIME, "截止时间", "Due at"),
                                picklist(
                                        "status",
                                        "状态",
                                        "Status",
                                        v("open", "待办", "Open"),
                                        v("done", "已完成", "Done"),
                                        v("cancelled", "已取消", "Cancelled")),
                                field("assigneeId", FieldType.USER, "负责人", "Assignee"),
                                text("relatedObject", "关联对象", "Related object", 41, false),
                                text("relatedId", "关联记录", "Related record", 64, false)),
                        List.of(new Index("related", "related_id, related_object"))),
                new Object(
                        "ticket",
                        "工单",
                        "Ticket",
                        "subject",
                        List.of(
                                text("subject", "主题", "Subject", 200, true),
                                lookup("customerId", "客户", "Customer", "customer"),
                                picklist(
                                        "status",
                                        "状态",
                                        "Status",
                                        v("open", "待处理", "Open"),
                                        v("pending", "处理中", "Pending"),
                                        v("solved", "已解决", "Solved"),
                                        v("closed", "已关闭", "Closed")),
                                picklist(
                                        "priority",
                                        "优先级",
                                        "Priority",
                                        v("low", "低", "Low"),
                                        v("normal", "普通", "Normal"),
                                        v("high", "高", "High"),
                                        v("urgent", "紧急", "Urgent")),
                                new Field(
                                        "description",
                                        FieldType.LONG_TEXT,
                                        "描述",
                                        "Description",
                                        false,
                                        false,
                                        false,
                                        100_000,
                                        List.of(),
                                        null))),
                new Object(
                        "product",
                        "产品",
                        "Product",
                        "name",
                        List.of(
                                text("name", "名称", "Name", 200, true),
                                text("code", "编码", "Code", 64, false),
                                field("price", FieldType.MONEY, "价格", "Price"),
                                text("unit", "单位", "Unit", 20, false),
                                field("active", FieldType.BOOLEAN, "在售", "Active"))));
    }

    /** The definition a new tenant gets of a standard object (fresh ids, every standard field in order). */
    public static ObjectDef definition(Object object) {
        List<FieldDef> fields = new ArrayList<>();
        int order = 0;
        for (Field f : object.fields()) {
            order += 10;
            fields.add(fieldDef(f, order));
        }
        return new ObjectDef(
                UUID.randomUUID(),
                object.apiName(),
                "r_" + object.apiName(),
                Map.of("zh-CN", object.zh(), "en", object.en()),
                Map.of("zh-CN", object.zh(), "en", plural(object.en())),
                true,
                object.nameField(),
                List.copyOf(fields),
                1);
    }

    /**
     * The standard fields a tenant's object lacks (a later version of the product added them), with
     * fresh ids, after the object's fields. A field whose name or column the tenant already uses for a
     * field of their own is left alone: theirs stays.
     */
    public static List<FieldDef> missingFields(Object standard, ObjectDef existing) {
        int order =
                existing.fields().stream().mapToInt(FieldDef::sortOrder).max().orElse(0);
        List<FieldDef> missing = new ArrayList<>();
        for (Field f : standard.fields()) {
            String column = SystemFields.snake(f.apiName());
            boolean taken = existing.field(f.apiName()).isPresent()
                    || existing.fields().stream().anyMatch(e -> e.column().equals(column));
            if (!taken) {
                order += 10;
                missing.add(fieldDef(f, order));
            }
        }
        return missing;
    }

    private static FieldDef fieldDef(Field f, int order) {
        Integer maxLength = switch (f.type()) {
            case TEXT, PHONE, EMAIL, URL -> f.maxLength() == null ? FieldDef.DEFAULT_TEXT_LENGTH : f.maxLength();
            case LONG_TEXT -> f.maxLength();
            default -> null;
        };
        Integer scale = f.type().isNumeric() && f.type() != FieldType.INTEGER ? 2 : null;
        return new FieldDef(
                UUID.randomUUID(),
                f.apiName(),
                SystemFields.snake(f.apiName()),
                f.type(),
                Map.of("zh-CN", f.zh(), "en", f.en()),
                f.required(),
                f.unique(),
                f.readOnly(),
                true,
                maxLength,
                scale,
                f.values(),
                f.target(),
                null,
                null,
                null,
                order,
                null,
                List.of(),
                null,
                false);
    }

    /** The English plural of a standard object's label: Activity → Activities, Customer → Customers. */
    static String plural(String english) {
        return english.endsWith("y") ? english.substring(0, english.length() - 1) + "ies" : english + "s";
    }

    private static Field text(String apiName, String zh, String en, int maxLength, boolean required) {
        return new Field(apiName, FieldType.TEXT, zh, en, required, false, false, maxLength, List.of(), null);
    }

    private static Field field(String apiName, FieldType type, String zh, String en) {
        return new Field(apiName, type, zh, en, false, false, false, null, List.of(), null);
    }

    /** A field the product keeps; the API and the forms only read it. */
    private static Field readOnly(Field f) {
        return new Field(
                f.apiName(), f.type(), f.zh(), f.en(), false, true, false, f.maxLength(), f.values(), f.target());
    }

    private static Field lookup(String apiName, String zh, String en, String target) {
        return new Field(apiName, FieldType.LOOKUP, zh, en, false, false, false, null, List.of(), target);
    }

    private static Field picklist(String apiName, String zh, String en, PicklistValue... values) {
        return new Field(apiName, FieldType.PICKLIST, zh, en, false, false, false, null, List.of(values), null);
    }

    private static Field channel() {
        return picklist(
                "channel",
                "来源渠道",
                "Channel",
                v("store", "门店", "Store"),
                v("web_form", "官网表单", "Web form"),
                v("wecom", "企业微信", "WeCom"),
                v("douyin", "抖音", "Douyin"),
                v("hotline_400", "400电话", "400 hotline"),
                v("referral", "转介绍", "Referral"),
                v("other", "其他", "Other"));
    }

    /**
     * Channel attribution, kept by the product (read-only): the first and the latest touch — channel,
     * campaign and when — of a customer or a deal.
     */
    private static List<Field> withTouches(List<Field> fields) {
        List<Field> all = new ArrayList<>(fields);
        all.addAll(touches());
        return List.copyOf(all);
    }

    private static List<Field> touches() {
        return List.of(
                touchChannel("firstTouchChannel", "首次触达渠道", "First-touch channel"),
                touchText("firstTouchCampaign", FieldType.TEXT, "首次触达活动", "First-touch campaign"),
                touchText("firstTouchAt", FieldType.DATETIME, "首次触达时间", "First touch at"),
                touchChannel("lastTouchChannel", "最近触达渠道", "Last-touch channel"),
                touchText("lastTouchCampaign", FieldType.TEXT, "最近触达活动", "Last-touch campaign"),
                touchText("lastTouchAt", FieldType.DATETIME, "最近触达时间", "Last touch at"));
    }

    private static Field touchChannel(String apiName, String zh, String en) {
        return new Field(
                apiName,
                FieldType.PICKLIST,
                zh,
                en,
                false,
                true,
                false,
                null,
                channel().values(),
                null);
    }

    private static Field touchText(String apiName, FieldType type, String zh, String en) {
        return new Field(
                apiName, type, zh, en, false, true, false, type == FieldType.TEXT ? 100 : null, List.of(), null);
    }

    private static PicklistValue v(String value, String zh, String en) {
        return new PicklistValue(value, Map.of("zh-CN", zh, "en", en), null);
    }
}
