package com.weavecrm.dedupe.internal;

import com.weavecrm.platform.metadata.Regions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names of China's provinces, cities and districts as people write them — 上海市, 上海, Shanghai,
 * 广东省深圳市, 广东深圳 — so they can be recognised and removed where they only say where a company or
 * an address is, and compared where they say someone lives elsewhere.
 */
final class Places {

    /** A place as written: its bare name, its level (1 province, 2 city, 3 district), its province. */
    record Place(String stem, int depth, String province) {}

    /** Text with the places it started with taken off. */
    record Leading(String rest, List<Place> places) {

        /** The city named, or the province for the four municipalities; null when none. */
        String city() {
            String city = null;
            for (Place p : places) {
                if (p.depth() == 2 || p.depth() == 1 && MUNICIPALITIES.contains(p.stem())) {
                    city = p.stem();
                }
            }
            return city;
        }

        String province() {
            return places.isEmpty() ? null : places.getFirst().province();
        }
    }

    private static final List<String> MUNICIPALITIES = List.of("北京", "上海", "天津", "重庆");
    private static final List<String> SUFFIXES =
            List.of("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "地区", "省", "市", "区", "县", "盟", "旗");
    private static final int LONGEST = 12;
    private static final String STREET = "路街道巷弄大东西南北中里";

    private final Map<String, Place> byName = new HashMap<>();

    Places() {
        for (Regions.Region region : Regions.all()) {
            String name = region.name();
            if (name.equals("市辖区") || name.equals("县")) {
                continue;
            }
            Regions.Region province = region;
            int depth = 1;
            while (province.parent() != null) {
                province = Regions.find(province.parent()).orElseThrow();
                depth++;
            }
            String stem = stem(name);
            Place place = new Place(stem, depth, stem(province.name()));
            add(name, place);
            add(stem, place);
            if (depth <= 2) {
                add(String.join("", Pinyin.first(stem)), place);
            }
        }
    }

    private void add(String written, Place place) {
        if (written.length() < 2) {
            return;
        }
        byName.merge(written, place, (old, neu) -> neu.depth() < old.depth() ? neu : old);
    }

    private static String stem(String name) {
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix) && name.length() - suffix.length() >= 2) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    boolean isPlace(String text) {
        return byName.containsKey(text.replace(" ", ""));
    }

    /** The bare name of a place (上海 for 上海市 or Shanghai), or null. */
    String city(String text) {
        Place place = byName.get(text.replace(" ", ""));
        return place == null ? null : place.stem();
    }

    /** Takes off the provinces, cities (and districts when {@code deepest} is 3) the text starts with. */
    Leading leading(String text, int deepest) {
        String rest = text;
        List<Place> found = new ArrayList<>();
        boolean stripped = true;
        while (stripped && !rest.isEmpty()) {
            stripped = false;
            for (int length = Math.min(LONGEST, rest.length()); length >= 2; length--) {
                Place place = byName.get(rest.substring(0, length));
                if (place != null && place.depth() <= deepest && !startsStreet(rest, length)) {
                    rest = rest.substring(length).strip();
                    found.add(place);
                    stripped = place.depth() < 3;
                    break;
                }
            }
        }
        return new Leading(rest, found);
    }

    /** 中山路, 延安北路, 长江大道: a street named after a place, not the place. */
    private static boolean startsStreet(String text, int at) {
        return at < text.length() && STREET.indexOf(text.charAt(at)) >= 0;
    }

    String withoutLeadingPlace(String text) {
        return leading(text, 2).rest();
    }
}
