package com.weavecrm.setup;

import com.weavecrm.platform.organisation.OrgUnit;
import com.weavecrm.platform.organisation.OrgUnitService;
import com.weavecrm.platform.organisation.RoleTemplates;
import com.weavecrm.platform.organisation.TenantAdministration;
import com.weavecrm.platform.organisation.UserAccount;
import com.weavecrm.platform.organisation.UserService;
import com.weavecrm.platform.security.PasswordHasher;
import com.weavecrm.platform.tenancy.NewTenant;
import com.weavecrm.platform.tenancy.Tenant;
import com.weavecrm.platform.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo tenant: 康源健康食品, a health-food chain with its HQ, three regions, twelve stores and
 * forty people across every role template, managers above their teams. Later capabilities add their
 * own demo data to it.
 */
@Component
class DemoCompany {

    static final String SLUG = "demo";
    private static final String COMPANY = "康源健康食品连锁";

    private static final Map<String, List<String>> REGIONS = regions();
    private static final List<String[]> PEOPLE = List.of(
            p("zhangwei", "张伟"),
            p("wangfang", "王芳"),
            p("lina", "李娜"),
            p("liuyang", "刘洋"),
            p("chenjing", "陈静"),
            p("yangfan", "杨帆"),
            p("zhaolei", "赵磊"),
            p("huangmin", "黄敏"),
            p("zhouqiang", "周强"),
            p("wuxia", "吴霞"),
            p("xujie", "徐杰"),
            p("sunli", "孙丽"),
            p("maqiang", "马强"),
            p("zhuhong", "朱红"),
            p("hujun", "胡军"),
            p("guoping", "郭萍"),
            p("heyong", "何勇"),
            p("gaoyan", "高燕"),
            p("linfeng", "林峰"),
            p("luoyun", "罗云"),
            p("zhenghao", "郑浩"),
            p("liangbing", "梁冰"),
            p("xiehui", "谢慧"),
            p("songtao", "宋涛"),
            p("tangning", "唐宁"),
            p("hanxue", "韩雪"),
            p("fengkai", "冯凯"),
            p("dengli", "邓莉"),
            p("caoyu", "曹宇"),
            p("pengbo", "彭博"),
            p("zengqian", "曾倩"),
            p("xiaoyu", "肖雨"),
            p("tianye", "田野"),
            p("dongmei", "董梅"),
            p("panwen", "潘文"),
            p("yuanlin", "袁琳"),
            p("jiangtao", "蒋涛"),
            p("caijie", "蔡洁"),
            p("jiayi", "贾怡"));

    private final TenantAdministration tenants;
    private final OrgUnitService units;
    private final UserService users;
    private final PasswordHasher hasher;
    private final JsonMapper json;
    private final DemoCustomers customers;

    DemoCompany(
            TenantAdministration tenants,
            OrgUnitService units,
            UserService users,
            PasswordHasher hasher,
            JsonMapper json,
            DemoCustomers customers) {
        this.tenants = tenants;
        this.units = units;
        this.users = users;
        this.hasher = hasher;
        this.json = json;
        this.customers = customers;
    }

    /** Creates the demo company as tenant {@code slug}; every user signs in with {@code password}. */
    Tenant create(String slug, String password) {
        Tenant tenant = tenants.create(new NewTenant(slug, COMPANY, FirstStart.ADMIN_USERNAME, hasher.hash(password)));
        TenantContext ctx = TenantContext.system(tenant, "demo-data");
        Iterator<String[]> people = PEOPLE.iterator();
        UUID hq = units.list(ctx).stream()
                .filter(OrgUnit::isRoot)
                .findFirst()
                .orElseThrow()
                .id();
        UUID hqManager = user(ctx, people.next(), hq, null, RoleTemplates.HQ_MANAGER, password);
        for (String role : List.of(
                RoleTemplates.MARKETING,
                RoleTemplates.MARKETING,
                RoleTemplates.SERVICE_AGENT,
                RoleTemplates.SERVICE_AGENT,
                RoleTemplates.OBSERVER)) {
            user(ctx, people.next(), hq, hqManager, role, password);
        }
        Map<String, List<UUID>> staffByStore = new LinkedHashMap<>();
        int storeIndex = 0;
        for (Map.Entry<String, List<String>> region : REGIONS.entrySet()) {
            UUID regionId = unit(ctx, region.getKey(), hq, "region");
            UUID regionManager = user(ctx, people.next(), regionId, hqManager, RoleTemplates.REGION_MANAGER, password);
            for (String store : region.getValue()) {
                UUID storeId = unit(ctx, store, regionId, "store");
                UUID storeManager =
                        user(ctx, people.next(), storeId, regionManager, RoleTemplates.STORE_MANAGER, password);
                List<UUID> staff = staffByStore.computeIfAbsent(store, s -> new ArrayList<>());
                staff.add(storeManager);
                int clerks = storeIndex++ % 2 == 0 ? 2 : 1;
                for (int i = 0; i < clerks && people.hasNext(); i++) {
                    staff.add(user(ctx, people.next(), storeId, storeManager, RoleTemplates.SALES, password));
                }
            }
        }
        customers.fill(ctx, staffByStore);
        return tenant;
    }

    private UUID unit(TenantContext ctx, String name, UUID parent, String kind) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("parentId", parent.toString());
        body.put("kind", kind);
        return units.create(ctx, json.valueToTree(body)).id();
    }

    private UUID user(TenantContext ctx, String[] person, UUID unit, UUID manager, String role, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", person[0]);
        body.put("displayName", person[1]);
        body.put("password", password);
        body.put("orgUnitId", unit.toString());
        body.put("roles", List.of(role));
        body.put("phone", "138" + String.format("%08d", Math.abs(person[0].hashCode()) % 100_000_000));
        body.put("email", person[0] + "@kangyuan.example.cn");
        if (manager != null) {
            body.put("managerId", manager.toString());
        }
        UserAccount account = users.create(ctx, json.valueToTree(body));
        return account.id();
    }

    private static String[] p(String username, String name) {
        return new String[] {username, name};
    }

    private static Map<String, List<String>> regions() {
        Map<String, List<String>> regions = new LinkedHashMap<>();
        regions.put("华东区", new ArrayList<>(List.of("上海静安店", "上海徐汇店", "杭州西湖店", "南京新街口店")));
        regions.put("华南区", new ArrayList<>(List.of("广州天河店", "深圳南山店", "深圳福田店", "厦门思明店")));
        regions.put("华北区", new ArrayList<>(List.of("北京朝阳店", "北京海淀店", "天津和平店", "青岛市南店")));
        return regions;
    }
}
