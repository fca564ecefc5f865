package com.weavecrm.bench.data;

import com.weavecrm.customer.CustomerIds;
import com.weavecrm.platform.metadata.Regions;
import com.weavecrm.platform.records.SearchDocument;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Generates one tenant's data at a scale factor and loads it with {@code COPY} into the product's own
 * tables, in one transaction: an interrupted load leaves the tenant as it was. Deterministic: the same
 * seed, scale and reference date give the same rows. Keys and indexes are dropped before and built
 * after the load, exactly as the product defined them.
 */
public final class DataGenerator {

    /** The objects loaded, parents first. */
    static final List<String> OBJECTS = List.of("store", "customer", "contact", "lead", "deal", "activity", "task");

    private static final String USER_PREFIX = "bench";
    private static final Duration HISTORY = Duration.ofDays(3 * 365);
    private static final String[] CHANNELS = {
        "store",
        "store",
        "store",
        "store",
        "web_form",
        "web_form",
        "wecom",
        "wecom",
        "wecom",
        "douyin",
        "hotline_400",
        "referral"
    };
    private static final String[] CAMPAIGNS = {"2026春季招生", "双十一大促", "会员日", "新店开业", "抖音直播", "老带新", null, null};
    private static final String[] LEAD_STATUS = {
        "new", "new", "contacted", "contacted", "contacted", "qualified", "converted", "converted", "lost"
    };
    private static final String[] STAGES = {
        "qualify", "qualify", "needs", "needs", "proposal", "negotiation", "won", "won", "lost"
    };
    private static final String[] DEAL_TOPICS = {"年度采购", "门店加盟", "课程报名", "设备采购", "会员年卡", "批量订货", "系统升级", "团购"};
    private static final String[] MEMBER_LEVELS = {
        "regular", "regular", "regular", "silver", "silver", "gold", "diamond"
    };
    private static final String[] ACTIVITY_KINDS = {
        "call", "call", "call", "wechat", "wechat", "wechat", "visit", "order", "order", "email", "ticket", "note"
    };
    private static final Map<String, String[]> SUBJECTS = Map.of(
            "call", new String[] {"电话回访", "预约到店", "催付尾款", "售后回访", "活动邀约"},
            "wechat", new String[] {"微信沟通", "发送活动海报", "发送报价单", "解答产品问题", "生日祝福"},
            "visit", new String[] {"到店体验", "上门拜访", "门店试听", "现场演示"},
            "order", new String[] {"下单", "续费", "复购", "团购订单"},
            "email", new String[] {"发送资料", "发送合同", "月度账单"},
            "ticket", new String[] {"投诉处理", "退换货", "维修工单"},
            "note", new String[] {"备注", "客户偏好", "家庭情况"});
    private static final String[] TASK_SUBJECTS = {"48小时内首次跟进", "回访满意度", "确认到店时间", "发送报价", "续费提醒", "生日关怀", "催收尾款"};

    private final ScaleFactor scale;
    private final long seed;
    private final Instant asOf;
    private final PrintStream out;
    private final Fakes fakes = new Fakes(new Vocabulary());

    private UUID[] userIds;
    private int[] storeOfUser;
    private UUID[] storeIds;
    private UUID[] storeUnitIds;
    private String[] storeNames;
    private String[] storeProvince;
    private List<List<Regions.Region>> storeDistricts;
    private int[][] usersOfStore;
    private UUID[] customerIds;
    private int[] customerOwner;
    private long[] customerCreated;

    public DataGenerator(ScaleFactor scale, long seed, Instant asOf, PrintStream out) {
        this.scale = scale;
        this.seed = seed;
        this.asOf = asOf;
        this.out = out;
    }

    /** What a load did: rows per table, seconds per step, planted duplicates. */
    public record Result(Map<String, Long> rows, Map<String, Double> steps, double seconds, int plantedDuplicates) {}

    /**
     * Loads the tenant whose schema is {@code schema}. Refuses a tenant that has records unless
     * {@code replace}; writes the planted duplicate pairs to {@code duplicatesFile}.
     */
    public Result load(Connection db, String schema, boolean replace, Path duplicatesFile)
            throws SQLException, IOException {
        db.setAutoCommit(false);
        Progress progress = new Progress(out);
        Map<String, Long> rows = new LinkedHashMap<>();
        int[] duplicates = new int[1];
        try {
            Sql.execute(db, "set local synchronous_commit = off", "set local maintenance_work_mem = '1GB'");
            List<String> tables = recordTables(db, schema);
            if (!replace && hasRecords(db, tables)) {
                throw new IllegalStateException("tenant schema " + schema
                        + " already has records; pass --replace to replace them with generated data");
            }
            Map<String, TableSchema> objects = new HashMap<>();
            for (String object : OBJECTS) {
                objects.put(object, TableSchema.read(db, schema, object));
            }
            TableIndexes indexes = TableIndexes.capture(db, tables);
            progress.timed("drop " + indexes.count() + " keys and indexes", () -> indexes.drop(db));
            progress.timed(
                    "truncate " + tables.size() + " record tables",
                    () -> Sql.execute(db, "truncate " + String.join(", ", tables)));
            progress.timed("organisation and users", () -> organisation(db, schema, replace));
            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            progress.timed("stores", () -> rows.put("store", stores(copy, objects.get("store"))));
            try (Writer pairs = Files.newBufferedWriter(duplicatesFile, StandardCharsets.UTF_8)) {
                pairs.write("duplicate_cid,original_cid\n");
                progress.timed(
                        "customers",
                        () -> rows.put("customer", customers(copy, objects.get("customer"), pairs, duplicates)));
            }
            progress.timed("contacts", () -> rows.put("contact", contacts(copy, objects.get("contact"))));
            progress.timed("leads", () -> rows.put("lead", leads(copy, objects.get("lead"))));
            progress.timed("deals", () -> rows.put("deal", deals(copy, objects.get("deal"))));
            progress.timed("activities", () -> rows.put("activity", activities(copy, objects.get("activity"))));
            progress.timed("tasks", () -> rows.put("task", tasks(copy, objects.get("task"))));
            indexes.build(db, progress);
            for (String object : OBJECTS) {
                progress.timed(
                        "analyze " + object,
                        () -> Sql.execute(db, "analyze " + objects.get(object).qualifiedTable()));
            }
            // cached permissions and org trees are rebuilt on the next request
            Sql.execute(db, "update " + schema + ".tenant_settings set security_version = security_version + 1");
            progress.timed("commit", db::commit);
        } catch (SQLException | IOException | RuntimeException e) {
            db.rollback();
            throw e;
        }
        rows.put("user", (long) userIds.length);
        return new Result(rows, progress.steps(), progress.elapsed(), duplicates[0]);
    }

    private static List<String> recordTables(Connection db, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select table_name from " + schema + ".meta_object order by table_name")) {
            while (rows.next()) {
                tables.add(schema + "." + rows.getString(1));
            }
        }
        return tables;
    }

    private static boolean hasRecords(Connection db, List<String> tables) throws SQLException {
        try (Statement statement = db.createStatement()) {
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("select exists (select 1 from " + table + ")")) {
                    rows.next();
                    if (rows.getBoolean(1)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // --- organisation: 8 sales regions, stores below them, users in the stores ---

    private void organisation(Connection db, String schema, boolean replace) throws SQLException {
        if (replace) {
            String generated = "(select id from " + schema + ".app_user where username like '" + USER_PREFIX + "%')";
            Sql.execute(
                    db,
                    "delete from " + schema + ".user_role where user_id in " + generated,
                    "delete from " + schema + ".auth_token where user_id in " + generated,
                    // the lead flow notifies generated owners (lead_assigned) while scenarios run
                    "delete from " + schema + ".notification where recipient_id in " + generated,
                    "delete from " + schema + ".notification_preference where user_id in " + generated,
                    "delete from " + schema + ".app_user where username like '" + USER_PREFIX + "%'",
                    "delete from " + schema + ".org_unit where kind = 'store' and not exists" + " (select 1 from "
                            + schema + ".app_user u where u.org_unit_id = org_unit.id)",
                    "delete from " + schema + ".org_unit where kind = 'region' and not exists"
                            + " (select 1 from " + schema + ".org_unit c where c.parent_id = org_unit.id)"
                            + " and not exists (select 1 from " + schema
                            + ".app_user u where u.org_unit_id = org_unit.id)");
        }
        SplittableRandom random = new SplittableRandom(seed * 31 + 1);
        UUID rootId;
        String rootPath;
        String passwordHash;
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("select o.id, o.path, u.password_hash from " + schema
                        + ".org_unit o join " + schema + ".app_user u on u.org_unit_id = o.id"
                        + " where o.parent_id is null and u.username = 'admin'")) {
            if (!rows.next()) {
                throw new IllegalStateException("tenant schema " + schema + " has no root unit with its admin");
            }
            rootId = rows.getObject(1, UUID.class);
            rootPath = rows.getString(2);
            passwordHash = rows.getString(3);
        }
        Map<String, UUID> roles = roles(db, schema);
        List<String> regionNames = new ArrayList<>(Vocabulary.SALES_REGIONS.keySet());
        regionNames.sort(null);
        UUID[] regionIds = new UUID[regionNames.size()];
        String[] regionPaths = new String[regionNames.size()];
        int stores = scale.stores();
        storeIds = new UUID[stores];
        storeProvince = new String[stores];
        storeDistricts = new ArrayList<>();
        UUID[] storeUnits = new UUID[stores];
        String[] storeUnitNames = new String[stores];
        int[] storeRegion = new int[stores];
        String insertUnit = "insert into " + schema
                + ".org_unit (id, parent_id, name, kind, path, depth, sort_order) values (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = db.prepareStatement(insertUnit)) {
            for (int r = 0; r < regionIds.length; r++) {
                regionIds[r] = Ids.v7(asOf.minus(HISTORY).toEpochMilli(), random);
                regionPaths[r] = rootPath + regionIds[r] + "/";
                addUnit(insert, regionIds[r], rootId, regionNames.get(r), "region", regionPaths[r], 1, r);
            }
            Set<String> names = new HashSet<>();
            for (int s = 0; s < stores; s++) {
                int region = s % regionIds.length;
                List<String> provinces = Vocabulary.SALES_REGIONS.get(regionNames.get(region));
                String province = provinces.get(random.nextInt(provinces.size()));
                List<Regions.Region> cities = Regions.children(province);
                Regions.Region city = cities.get(random.nextInt(Math.min(cities.size(), 4)));
                List<Regions.Region> districts =
                        Regions.children(city.code()).isEmpty() ? List.of(city) : Regions.children(city.code());
                Regions.Region district = districts.get(random.nextInt(districts.size()));
                String cityName = city.name().equals("市辖区") || city.name().equals("县")
                        ? Regions.find(province).orElseThrow().name()
                        : city.name();
                String name = Fakes.shortCity(cityName) + Fakes.shortCity(district.name()) + "店";
                for (int n = 2; !names.add(name); n++) {
                    name = Fakes.shortCity(cityName) + Fakes.shortCity(district.name()) + n + "店";
                }
                storeUnits[s] = Ids.v7(asOf.minus(HISTORY).toEpochMilli(), random);
                storeUnitNames[s] = name;
                storeRegion[s] = region;
                storeProvince[s] = province;
                storeDistricts.add(districts);
                addUnit(
                        insert,
                        storeUnits[s],
                        regionIds[region],
                        name,
                        "store",
                        regionPaths[region] + storeUnits[s] + "/",
                        2,
                        s);
            }
            insert.executeBatch();
        }
        int users = scale.users();
        userIds = new UUID[users];
        storeOfUser = new int[users];
        usersOfStore = new int[stores][];
        String insertUser = "insert into " + schema
                + ".app_user (id, username, display_name, password_hash, org_unit_id, manager_id, phone, status)"
                + " values (?, ?, ?, ?, ?, ?, ?, 'active')";
        String insertRole = "insert into " + schema + ".user_role (user_id, role_id) values (?, ?)";
        try (PreparedStatement user = db.prepareStatement(insertUser);
                PreparedStatement role = db.prepareStatement(insertRole)) {
            int next = 0;
            UUID[] regionManagers = new UUID[regionIds.length];
            for (int r = 0; r < regionIds.length; r++, next++) {
                regionManagers[r] = addUser(
                        user, role, next, random, passwordHash, regionIds[r], null, roles.get("region_manager"));
                storeOfUser[next] = -1;
            }
            int perStore = (users - regionIds.length) / stores;
            int extra = (users - regionIds.length) % stores;
            for (int s = 0; s < stores; s++) {
                int count = perStore + (s < extra ? 1 : 0);
                usersOfStore[s] = new int[count];
                UUID manager = null;
                for (int k = 0; k < count; k++, next++) {
                    UUID reportsTo = k == 0 ? regionManagers[storeRegion[s]] : manager;
                    UUID id = addUser(
                            user,
                            role,
                            next,
                            random,
                            passwordHash,
                            storeUnits[s],
                            reportsTo,
                            roles.get(k == 0 ? "store_manager" : "sales"));
                    if (k == 0) {
                        manager = id;
                    }
                    usersOfStore[s][k] = next;
                    storeOfUser[next] = s;
                }
            }
            user.executeBatch();
            role.executeBatch();
        }
        for (int s = 0; s < stores; s++) {
            storeIds[s] = Ids.v7(asOf.minus(HISTORY).toEpochMilli(), random);
        }
        this.storeUnitIds = storeUnits;
        this.storeNames = storeUnitNames;
    }

    private static void addUnit(
            PreparedStatement insert, UUID id, UUID parent, String name, String kind, String path, int depth, int order)
            throws SQLException {
        insert.setObject(1, id);
        insert.setObject(2, parent);
        insert.setString(3, name);
        insert.setString(4, kind);
        insert.setString(5, path);
        insert.setInt(6, depth);
        insert.setInt(7, order);
        insert.addBatch();
    }

    private UUID addUser(
            PreparedStatement user,
            PreparedStatement role,
            int index,
            RandomGenerator random,
            String passwordHash,
            UUID unit,
            UUID manager,
            UUID roleId)
            throws SQLException {
        UUID id = Ids.v7(asOf.minus(HISTORY).toEpochMilli(), random);
        userIds[index] = id;
        user.setObject(1, id);
        user.setString(2, String.format("%s%04d", USER_PREFIX, index + 1));
        user.setString(3, fakes.personName(random));
        user.setString(4, passwordHash);
        user.setObject(5, unit);
        user.setObject(6, manager);
        user.setString(7, fakes.mobile(random));
        user.addBatch();
        if (roleId != null) {
            role.setObject(1, id);
            role.setObject(2, roleId);
            role.addBatch();
        }
        return id;
    }

    private static Map<String, UUID> roles(Connection db, String schema) throws SQLException {
        Map<String, UUID> roles = new HashMap<>();
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("select api_name, id from " + schema + ".role")) {
            while (rows.next()) {
                roles.put(rows.getString(1), rows.getObject(2, UUID.class));
            }
        }
        return roles;
    }

    // --- records ---

    private long stores(CopyManager copy, TableSchema table) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed * 31 + 2);
        try (RecordCopy records =
                new RecordCopy(copy, table, List.of("name", "code", "region", "address", "phone", "orgUnitId"))) {
            for (int s = 0; s < storeIds.length; s++) {
                List<Regions.Region> districts = storeDistricts.get(s);
                Regions.Region district = districts.get(random.nextInt(districts.size()));
                Instant created = asOf.minus(HISTORY);
                records.add(
                        storeIds[s],
                        created,
                        userIds[usersOfStore[s][0]],
                        storeNames[s],
                        String.format("S%04d", s + 1),
                        district.code(),
                        fakes.address(random, district.name()),
                        fakes.landline(random, storeProvince[s]),
                        storeUnitIds[s].toString());
            }
            return records.rows();
        }
    }

    /** A customer's generated values; a planted duplicate repeats an earlier customer with variations. */
    private record Customer(
            UUID id,
            String cid,
            Instant created,
            int store,
            int owner,
            String name,
            String kind,
            String company,
            String phone,
            String email,
            String wechatId,
            Integer duplicateOf) {}

    private Customer customer(int i, Skew storeSkew) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i);
        long span = HISTORY.toMillis();
        Instant created =
                asOf.minusMillis(span).plusMillis((long) (span * (i + random.nextDouble()) / scale.customers()));
        UUID id = Ids.v7(created.toEpochMilli(), random);
        String cid = CustomerIds.next(random);
        if (i >= 100 && random.nextDouble() < 0.03) {
            int originalIndex = random.nextInt(i);
            Customer original = customer(originalIndex, storeSkew);
            return new Customer(
                    id,
                    cid,
                    created,
                    original.store(),
                    original.owner(),
                    Fakes.nameVariant(random, original.name()),
                    original.kind(),
                    Fakes.companyVariant(random, original.company()),
                    random.nextInt(4) == 0 ? fakes.mobile(random) : Fakes.phoneVariant(random, original.phone()),
                    random.nextBoolean() ? original.email() : null,
                    null,
                    originalIndex);
        }
        int store = storeSkew.next(random);
        int[] staff = usersOfStore[store];
        int owner = staff[random.nextInt(staff.length)];
        boolean company = random.nextInt(100) < 15;
        Regions.Region district = storeDistricts
                .get(store)
                .get(random.nextInt(storeDistricts.get(store).size()));
        String person = fakes.personName(random);
        String companyName = company || random.nextInt(10) < 3 ? fakes.companyName(random, district.name()) : null;
        String name = company ? companyName : person;
        String phone =
                company && random.nextBoolean() ? fakes.landline(random, storeProvince[store]) : fakes.mobile(random);
        return new Customer(
                id,
                cid,
                created,
                store,
                owner,
                name,
                company ? "company" : "person",
                companyName,
                phone,
                random.nextInt(4) == 0 ? fakes.email(random, person) : null,
                random.nextInt(10) < 4 ? fakes.wechatId(random, person) : null,
                null);
    }

    private long customers(CopyManager copy, TableSchema table, Writer pairs, int[] duplicates) throws SQLException {
        int n = scale.customers();
        customerIds = new UUID[n];
        customerOwner = new int[n];
        customerCreated = new long[n];
        String[] cids = new String[n];
        Skew storeSkew = new Skew(storeIds.length, 0.8);
        List<String> fields = new ArrayList<>(List.of(
                "cid",
                "name",
                "kind",
                "company",
                "phone",
                "email",
                "wechatId",
                "gender",
                "birthday",
                "region",
                "address",
                "industry",
                "channel",
                "storeId",
                "tags"));
        boolean memberLevel = table.object().field("member_level").isPresent();
        boolean points = table.object().field("points").isPresent();
        if (memberLevel) {
            fields.add("member_level");
        }
        if (points) {
            fields.add("points");
        }
        try (RecordCopy records = new RecordCopy(copy, table, fields)) {
            for (int i = 0; i < n; i++) {
                Customer c = customer(i, storeSkew);
                SplittableRandom random = new SplittableRandom(seed * 7_000_003L + i);
                customerIds[i] = c.id();
                customerOwner[i] = c.owner();
                customerCreated[i] = c.created().toEpochMilli();
                cids[i] = c.cid();
                Regions.Region district = storeDistricts
                        .get(c.store())
                        .get(random.nextInt(storeDistricts.get(c.store()).size()));
                boolean person = c.kind().equals("person");
                List<Object> values = new ArrayList<>();
                values.add(c.cid());
                values.add(c.name());
                values.add(c.kind());
                values.add(c.company());
                values.add(c.phone());
                values.add(c.email());
                values.add(c.wechatId());
                values.add(person ? (random.nextBoolean() ? "female" : "male") : null);
                values.add(
                        person && random.nextInt(10) < 6
                                ? LocalDate.of(
                                        1960 + random.nextInt(46), 1 + random.nextInt(12), 1 + random.nextInt(28))
                                : null);
                values.add(district.code());
                values.add(random.nextInt(10) < 7 ? fakes.address(random, district.name()) : null);
                values.add(person ? null : Fakes.pick(random, Fakes.INDUSTRIES));
                values.add(Fakes.pick(random, CHANNELS));
                values.add(storeIds[c.store()]);
                values.add(random.nextInt(5) == 0 ? new String[] {random.nextBoolean() ? "VIP" : "高潜"} : null);
                if (memberLevel) {
                    values.add(Fakes.pick(random, MEMBER_LEVELS));
                }
                if (points) {
                    values.add((long) (random.nextDouble() * random.nextDouble() * 20_000));
                }
                records.add(c.id(), c.created(), userIds[c.owner()], values.toArray());
                if (c.duplicateOf() != null) {
                    pairs.write(c.cid() + "," + cids[c.duplicateOf()] + "\n");
                    duplicates[0]++;
                }
            }
            return records.rows();
        } catch (IOException e) {
            throw new SQLException("cannot write the planted duplicates file", e);
        }
    }

    private long contacts(CopyManager copy, TableSchema table) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed * 31 + 3);
        try (RecordCopy records =
                new RecordCopy(copy, table, List.of("name", "customerId", "title", "phone", "email", "wechatId"))) {
            for (int i = 0; i < scale.contacts(); i++) {
                int customer = Skew.heavyTailed(random, customerIds.length);
                Instant created = after(customer, random);
                String name = fakes.personName(random);
                records.add(
                        Ids.v7(created.toEpochMilli(), random),
                        created,
                        userIds[customerOwner[customer]],
                        name,
                        customerIds[customer],
                        random.nextBoolean() ? fakes.title(random) : null,
                        fakes.mobile(random),
                        random.nextInt(10) < 3 ? fakes.email(random, name) : null,
                        random.nextBoolean() ? fakes.wechatId(random, name) : null);
            }
            return records.rows();
        }
    }

    private long leads(CopyManager copy, TableSchema table) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed * 31 + 4);
        long year = Duration.ofDays(365).toMillis();
        try (RecordCopy records = new RecordCopy(
                copy,
                table,
                List.of(
                        "name",
                        "company",
                        "phone",
                        "email",
                        "wechatId",
                        "channel",
                        "campaign",
                        "status",
                        "customerId"))) {
            for (int i = 0; i < scale.leads(); i++) {
                Instant created =
                        asOf.minusMillis(year).plusMillis((long) (year * (i + random.nextDouble()) / scale.leads()));
                String name = fakes.personName(random);
                int store = random.nextInt(storeIds.length);
                String status = Fakes.pick(random, LEAD_STATUS);
                Regions.Region district = storeDistricts.get(store).get(0);
                records.add(
                        Ids.v7(created.toEpochMilli(), random),
                        created,
                        userIds[usersOfStore[store][random.nextInt(usersOfStore[store].length)]],
                        name,
                        random.nextInt(10) < 3 ? fakes.companyName(random, district.name()) : null,
                        fakes.mobile(random),
                        random.nextInt(10) < 2 ? fakes.email(random, name) : null,
                        random.nextInt(10) < 3 ? fakes.wechatId(random, name) : null,
                        Fakes.pick(random, CHANNELS),
                        Fakes.pick(random, CAMPAIGNS),
                        status,
                        status.equals("converted") ? customerIds[random.nextInt(customerIds.length)] : null);
            }
            return records.rows();
        }
    }

    private long deals(CopyManager copy, TableSchema table) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed * 31 + 5);
        try (RecordCopy records = new RecordCopy(
                copy,
                table,
                List.of(
                        "name",
                        "customerId",
                        "amount",
                        "currency",
                        "pipelineId",
                        "stage",
                        "closeDate",
                        "probability"))) {
            for (int i = 0; i < scale.deals(); i++) {
                int customer = Skew.heavyTailed(random, customerIds.length);
                Instant created = after(customer, random);
                String stage = Fakes.pick(random, STAGES);
                double amount = Math.exp(9.5 + 1.2 * random.nextGaussian());
                int probability = switch (stage) {
                    case "qualify" -> 10;
                    case "needs" -> 25;
                    case "proposal" -> 50;
                    case "negotiation" -> 75;
                    case "won" -> 100;
                    default -> 0;
                };
                records.add(
                        Ids.v7(created.toEpochMilli(), random),
                        created,
                        userIds[customerOwner[customer]],
                        Fakes.pick(random, DEAL_TOPICS) + " #" + (i + 1),
                        customerIds[customer],
                        String.format(java.util.Locale.ROOT, "%.2f", Math.min(amount, 99_999_999.0)),
                        "CNY",
                        "default",
                        stage,
                        LocalDate.ofInstant(created, ZoneOffset.UTC).plusDays(7 + random.nextInt(120)),
                        probability);
            }
            return records.rows();
        }
    }

    private long activities(CopyManager copy, TableSchema table) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed * 31 + 6);
        try (RecordCopy records =
                new RecordCopy(copy, table, List.of("customerId", "kind", "subject", "body", "occurredAt"))) {
            for (long i = 0; i < scale.activities(); i++) {
                int customer = Skew.heavyTailed(random, customerIds.length);
                Instant occurred = after(customer, random);
                String kind = Fakes.pick(random, ACTIVITY_KINDS);
                int owner = random.nextInt(5) > 0 ? customerOwner[customer] : random.nextInt(userIds.length);
                records.add(
                        Ids.v7(occurred.toEpochMilli(), random),
                        occurred,
                        userIds[owner],
                        customerIds[customer],
                        kind,
                        Fakes.pick(random, SUBJECTS.get(kind)),
                        random.nextInt(100) < 15 ? "客户反馈良好，约定下周再联系。" : null,
                        occurred);
            }
            return records.rows();
        }
    }

    private long tasks(CopyManager copy, TableSchema table) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed * 31 + 7);
        try (RecordCopy records = new RecordCopy(
                copy, table, List.of("subject", "dueAt", "status", "assigneeId", "relatedObject", "relatedId"))) {
            for (int i = 0; i < scale.tasks(); i++) {
                int customer = Skew.heavyTailed(random, customerIds.length);
                Instant created = after(customer, random);
                Instant due = created.plus(Duration.ofHours(2 + random.nextInt(24 * 14)));
                String status = due.isAfter(asOf) ? "open" : random.nextInt(10) < 9 ? "done" : "cancelled";
                UUID assignee = userIds[customerOwner[customer]];
                records.add(
                        Ids.v7(created.toEpochMilli(), random),
                        created,
                        assignee,
                        Fakes.pick(random, TASK_SUBJECTS),
                        due,
                        status,
                        assignee,
                        "customer",
                        customerIds[customer].toString());
            }
            return records.rows();
        }
    }

    /** A moment between the customer's creation and the reference date, later ones more likely. */
    private Instant after(int customer, RandomGenerator random) {
        long from = customerCreated[customer];
        double u = Math.sqrt(random.nextDouble());
        return Instant.ofEpochMilli(from + (long) ((asOf.toEpochMilli() - from) * u));
    }

    /**
     * The rows of one object: system columns, then the given fields by API name (mapped to the
     * product's columns), then the search document the product would have computed.
     */
    private static final class RecordCopy implements AutoCloseable {

        private final TableSchema table;
        private final List<String> fields;
        private final boolean searched;
        private final CopyWriter writer;

        RecordCopy(CopyManager copy, TableSchema table, List<String> fields) throws SQLException {
            this.table = table;
            this.fields = fields;
            this.searched = SearchDocument.appliesTo(table.object());
            List<String> columns = new ArrayList<>(List.of("id", "created_at", "updated_at", "owner_id"));
            fields.forEach(f -> columns.add(table.column(f)));
            if (searched) {
                columns.addAll(List.of("search_text", "search_initials"));
            }
            this.writer = new CopyWriter(copy, table.qualifiedTable(), columns);
        }

        void add(UUID id, Instant created, UUID owner, Object... values) throws SQLException {
            Object[] row = new Object[4 + values.length + (searched ? 2 : 0)];
            row[0] = id;
            row[1] = created;
            row[2] = created;
            row[3] = owner;
            System.arraycopy(values, 0, row, 4, values.length);
            if (searched) {
                Map<String, Object> byName = new HashMap<>();
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != null) {
                        byName.put(fields.get(i), values[i]);
                    }
                }
                SearchDocument.Text text = SearchDocument.of(table.object(), byName);
                row[row.length - 2] = text.text();
                row[row.length - 1] = text.initials();
            }
            writer.row(row);
        }

        long rows() {
            return writer.rows();
        }

        @Override
        public void close() throws SQLException {
            writer.close();
        }
    }
}
