package com.weavecrm.dedupe.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An address reduced to what survives retyping: its words without province, city and district
 * (those are often left out) and its numbers in order — 3栋2单元501室, 3-2-501 and 三栋二单元501 all give
 * 3 2 501. A floor written before the room ({@code 22楼2206}, {@code 21F-2110}) is dropped.
 */
record StreetAddress(String province, String city, String words, List<String> numbers) {

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern FLOOR = Pattern.compile("(\\d{1,2})(?:楼|层|f)\\s*-?\\s*(\\d{3,5})");
    private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=\\d)");
    private static final Pattern UNIT_WORDS = Pattern.compile("号楼|单元|[号栋幢座楼层室弄元#,，、/-]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern CHINESE_NUMERAL = Pattern.compile("[一二三四五六七八九十两〇零]+(?=[号栋幢座单元楼层室弄#-])");

    static StreetAddress parse(String raw, Places places) {
        String folded = Text.fold(raw);
        String text = Text.hasHan(folded) ? folded.replace(" ", "") : folded;
        if (text.isEmpty()) {
            return null;
        }
        text = CHINESE_NUMERAL.matcher(text).replaceAll(m -> String.valueOf(ChineseNumerals.value(m.group())));
        Places.Leading leading = places.leading(text, 3);
        text = leading.rest();
        Matcher floor = FLOOR.matcher(text);
        text = floor.replaceAll(m -> m.group(2).startsWith(m.group(1)) ? m.group(2) : m.group(1) + "-" + m.group(2));
        List<String> numbers = new ArrayList<>();
        NUMBER.matcher(text)
                .results()
                .forEach(m -> numbers.add(LEADING_ZEROS.matcher(m.group()).replaceFirst("")));
        String words = NUMBER.matcher(text).replaceAll(" ");
        words = SPACES.matcher(UNIT_WORDS.matcher(words).replaceAll(" "))
                .replaceAll(" ")
                .strip();
        if (numbers.isEmpty() && leading.province() == null) {
            return null;
        }
        return new StreetAddress(leading.province(), leading.city(), words, List.copyOf(numbers));
    }

    boolean hasStreet() {
        return !numbers.isEmpty();
    }

    /** The street part (the words before the first number), e.g. 延安北路. */
    String street() {
        int space = words.indexOf(' ');
        return space < 0 ? words : words.substring(0, space);
    }
}
