package com.weavecrm.platform.organisation;

import com.weavecrm.platform.access.Grant;
import com.weavecrm.platform.access.ObjectNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The built-in role templates every tenant starts with. Tenants edit them (except the tenant
 * administrator) and add their own.
 */
public final class RoleTemplates {

    public static final String TENANT_ADMIN = "tenant_admin";
    public static final String HQ_MANAGER = "hq_manager";
    public static final String REGION_MANAGER = "region_manager";
    public static final String STORE_MANAGER = "store_manager";
    public static final String SALES = "sales";
    public static final String SERVICE_AGENT = "service_agent";
    public static final String MARKETING = "marketing";
    public static final String OBSERVER = "observer";

    private static final List<String> ALL_ACTIONS = List.of("read", "create", "update", "delete", "export", "import");
    private static final List<String> WORK_ACTIONS = List.of("read", "create", "update", "delete", "export");
    private static final List<String> READ = List.of("read");
    private static final List<String> SELLING = List.of("customer", "contact", "lead", "deal", "activity", "task");

    /** A template: its name in both languages and what it may do. */
    public record Template(String apiName, String zh, String en, List<RolePermission> permissions, boolean locked) {
        public Map<String, String> label() {
            return Map.of("zh-CN", zh, "en", en);
        }
    }

    private RoleTemplates() {}

    public static List<Template> all() {
        return List.of(
                new Template(
                        TENANT_ADMIN,
                        "租户管理员",
                        "Tenant administrator",
                        List.of(new RolePermission(Grant.ANY_OBJECT, ALL_ACTIONS, "all")),
                        true),
                new Template(
                        HQ_MANAGER,
                        "总部经理",
                        "HQ manager",
                        concat(
                                crm(ALL_ACTIONS, "all"),
                                admin(READ, "all", ObjectNames.ORG_UNIT, ObjectNames.USER, ObjectNames.AUDIT)),
                        false),
                new Template(
                        REGION_MANAGER,
                        "区域经理",
                        "Region manager",
                        concat(
                                crm(WORK_ACTIONS, "unit"),
                                admin(READ, "unit", ObjectNames.ORG_UNIT, ObjectNames.USER, ObjectNames.AUDIT)),
                        false),
                new Template(
                        STORE_MANAGER,
                        "店长",
                        "Store manager",
                        concat(crm(WORK_ACTIONS, "unit"), admin(READ, "unit", ObjectNames.ORG_UNIT, ObjectNames.USER)),
                        false),
                new Template(
                        SALES,
                        "销售/店员",
                        "Sales / clerk",
                        concat(
                                objects(List.of("read", "create", "update"), "own", SELLING),
                                objects(READ, "all", List.of("product", "store"))),
                        false),
                new Template(
                        SERVICE_AGENT,
                        "客服专员",
                        "Service agent",
                        concat(
                                objects(List.of("read", "create", "update"), "unit", List.of("ticket")),
                                objects(READ, "unit", List.of("customer", "contact")),
                                objects(List.of("read", "create", "update"), "own", List.of("activity", "task")),
                                objects(READ, "all", List.of("product"))),
                        false),
                new Template(
                        MARKETING,
                        "市场专员",
                        "Marketing",
                        concat(
                                objects(List.of("read", "export"), "all", List.of("customer", "contact", "lead")),
                                objects(List.of("create", "update", "import"), "all", List.of("lead")),
                                objects(READ, "all", List.of("product", "store"))),
                        false),
                new Template(
                        OBSERVER,
                        "观察员(只读)",
                        "Observer (read-only)",
                        List.of(new RolePermission(Grant.ANY_OBJECT, READ, "all")),
                        false));
    }

    private static List<RolePermission> crm(List<String> actions, String scope) {
        return objects(actions, scope, ObjectNames.STANDARD);
    }

    private static List<RolePermission> admin(List<String> actions, String scope, String... objects) {
        return objects(actions, scope, List.of(objects));
    }

    private static List<RolePermission> objects(List<String> actions, String scope, List<String> objects) {
        return objects.stream().map(o -> new RolePermission(o, actions, scope)).toList();
    }

    @SafeVarargs
    private static List<RolePermission> concat(List<RolePermission>... lists) {
        List<RolePermission> all = new ArrayList<>();
        Stream.of(lists).forEach(all::addAll);
        return List.copyOf(all);
    }
}
