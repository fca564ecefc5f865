package com.weavecrm.bench.data;

import com.weavecrm.platform.records.SearchDocument;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Realistic Chinese customer data: names, companies with their legal form, mobile numbers with real
 * operator prefixes, landlines with the city's area code, addresses, e-mail and WeChat ids — and the
 * variations under which the same person turns up twice (for the planted duplicates).
 */
final class Fakes {

    private static final String[] MOBILE_PREFIXES = {
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
        "156", "157", "158", "159", "166", "170", "173", "175", "176", "177", "178", "180", "181", "182", "183",
        "185", "186", "187", "188", "189", "191", "193", "195", "198", "199"
    };
    /** Area codes of each province's capital, for company landlines. */
    private static final Map<String, String> AREA_CODES = Map.ofEntries(
            Map.entry("110000", "010"),
            Map.entry("120000", "022"),
            Map.entry("130000", "0311"),
            Map.entry("140000", "0351"),
            Map.entry("150000", "0471"),
            Map.entry("210000", "024"),
            Map.entry("220000", "0431"),
            Map.entry("230000", "0451"),
            Map.entry("310000", "021"),
            Map.entry("320000", "025"),
            Map.entry("330000", "0571"),
            Map.entry("340000", "0551"),
            Map.entry("350000", "0591"),
            Map.entry("360000", "0791"),
            Map.entry("370000", "0531"),
            Map.entry("410000", "0371"),
            Map.entry("420000", "027"),
            Map.entry("430000", "0731"),
            Map.entry("440000", "020"),
            Map.entry("450000", "0771"),
            Map.entry("460000", "0898"),
            Map.entry("500000", "023"),
            Map.entry("510000", "028"),
            Map.entry("520000", "0851"),
            Map.entry("530000", "0871"),
            Map.entry("610000", "029"),
            Map.entry("620000", "0931"),
            Map.entry("630000", "0971"),
            Map.entry("640000", "0951"),
            Map.entry("650000", "0991"));

    private static final String[] INDUSTRY_WORDS = {
        "科技", "贸易", "餐饮管理", "教育科技", "食品", "商贸", "医疗器械", "服饰", "电子", "机械设备", "文化传媒", "健康管理", "建材", "物流", "生物科技", "家居"
    };
    static final String[] INDUSTRIES = {"零售", "教育培训", "制造", "批发分销", "餐饮", "美容美发", "医疗健康", "软件信息", "建筑装饰", "物流"};
    private static final String[] LEGAL_FORMS = {"有限公司", "有限公司", "有限公司", "有限公司", "有限责任公司", "股份有限公司"};
    private static final String[] ROADS = {
        "人民路", "解放路", "中山路", "建设路", "和平路", "新华路", "文化路", "学府路", "长江路", "黄河路", "延安路", "南京路", "朝阳路", "幸福路", "光明路", "青年路",
        "花园路", "迎宾大道", "科技路", "东风路"
    };
    private static final String[] MAIL_DOMAINS = {
        "qq.com", "qq.com", "163.com", "163.com", "126.com", "sina.com", "foxmail.com", "139.com"
    };
    private static final String[] TITLES = {"总经理", "采购经理", "店长", "财务", "行政主管", "老板", "市场总监", "技术负责人", "运营"};
    /** Characters written differently by the same person: a homophone or the traditional form. */
    private static final Map<Character, Character> VARIANT_CHARACTERS = Map.ofEntries(
            Map.entry('伟', '玮'),
            Map.entry('芳', '方'),
            Map.entry('丽', '莉'),
            Map.entry('明', '铭'),
            Map.entry('静', '靜'),
            Map.entry('华', '華'),
            Map.entry('张', '張'),
            Map.entry('陈', '陳'),
            Map.entry('刘', '劉'),
            Map.entry('杨', '楊'),
            Map.entry('黄', '黃'),
            Map.entry('吴', '吳'),
            Map.entry('赵', '趙'),
            Map.entry('军', '君'),
            Map.entry('红', '虹'),
            Map.entry('涛', '滔'),
            Map.entry('玲', '琳'),
            Map.entry('东', '東'),
            Map.entry('国', '國'),
            Map.entry('峰', '锋'));

    private final Vocabulary words;

    Fakes(Vocabulary words) {
        this.words = words;
    }

    String personName(RandomGenerator random) {
        return words.surname(random) + words.givenName(random);
    }

    /** A company's registered name: city, brand, business and legal form, e.g. 杭州吖茶餐饮管理有限公司. */
    String companyName(RandomGenerator random, String city) {
        return shortCity(city)
                + words.companyShortName(random)
                + pick(random, INDUSTRY_WORDS)
                + pick(random, LEGAL_FORMS);
    }

    String mobile(RandomGenerator random) {
        return pick(random, MOBILE_PREFIXES) + digits(random, 8);
    }

    String landline(RandomGenerator random, String province) {
        String area = AREA_CODES.getOrDefault(province, "010");
        return area + "-" + (2 + random.nextInt(8)) + digits(random, area.length() == 3 ? 7 : 6);
    }

    String address(RandomGenerator random, String district) {
        String address = district + pick(random, ROADS) + (1 + random.nextInt(999)) + "号";
        return random.nextInt(3) == 0
                ? address + (1 + random.nextInt(30)) + "栋" + (101 + random.nextInt(2500)) + "室"
                : address;
    }

    String email(RandomGenerator random, String name) {
        String local = SearchDocument.pinyinOf(name);
        if (local.isEmpty()) {
            local = "user";
        }
        return local + (random.nextInt(3) == 0 ? "" : String.valueOf(random.nextInt(10_000))) + "@"
                + pick(random, MAIL_DOMAINS);
    }

    String wechatId(RandomGenerator random, String name) {
        if (random.nextBoolean()) {
            StringBuilder id = new StringBuilder("wxid_");
            for (int i = 0; i < 14; i++) {
                id.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)));
            }
            return id.toString();
        }
        String pinyin = SearchDocument.pinyinOf(name);
        return (pinyin.isEmpty() ? "wx" : pinyin) + "_" + digits(random, 4);
    }

    String title(RandomGenerator random) {
        return pick(random, TITLES);
    }

    /** The same mobile number as someone else would type it: +86, spaces, dashes or full-width digits. */
    static String phoneVariant(RandomGenerator random, String mobile) {
        if (mobile == null || mobile.length() != 11 || !mobile.startsWith("1")) {
            return mobile;
        }
        return switch (random.nextInt(5)) {
            case 0 -> "+86 " + mobile;
            case 1 -> mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " " + mobile.substring(7);
            case 2 -> mobile.substring(0, 3) + "-" + mobile.substring(3, 7) + "-" + mobile.substring(7);
            case 3 -> "0086" + mobile;
            default -> fullWidth(mobile);
        };
    }

    /** The same name written differently: a homophone or traditional character, or a stray space. */
    static String nameVariant(RandomGenerator random, String name) {
        StringBuilder variant = new StringBuilder(name);
        for (int i = 0; i < variant.length(); i++) {
            Character replacement = VARIANT_CHARACTERS.get(variant.charAt(i));
            if (replacement != null && random.nextBoolean()) {
                variant.setCharAt(i, replacement);
                return variant.toString();
            }
        }
        return name.length() >= 2 ? name.charAt(0) + " " + name.substring(1) : name;
    }

    /** The same company with its legal form dropped or spelt out, or its city in brackets. */
    static String companyVariant(RandomGenerator random, String company) {
        if (company == null) {
            return null;
        }
        for (String form : new String[] {"股份有限公司", "有限责任公司", "有限公司"}) {
            if (company.endsWith(form)) {
                String stem = company.substring(0, company.length() - form.length());
                return switch (random.nextInt(3)) {
                    case 0 -> stem;
                    case 1 -> stem + (form.equals("有限公司") ? "有限责任公司" : "有限公司");
                    default ->
                        stem.length() > 2 ? stem.substring(2) + "（" + stem.substring(0, 2) + "）" + form : company;
                };
            }
        }
        return company;
    }

    static String shortCity(String city) {
        if (city.endsWith("市") || city.endsWith("区") || city.endsWith("县")) {
            city = city.substring(0, city.length() - 1);
        }
        return city.length() > 4 ? city.substring(0, 2) : city;
    }

    static String digits(RandomGenerator random, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    static <T> T pick(RandomGenerator random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String fullWidth(String digits) {
        StringBuilder wide = new StringBuilder();
        for (char c : digits.toCharArray()) {
            wide.append(Character.isDigit(c) ? (char) (c - '0' + '０') : c);
        }
        return wide.toString();
    }
}
