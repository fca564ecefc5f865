package com.weavecrm.dedupe.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Toneless readings of Han characters (simplified and traditional alike: 刘 and 劉 both read
 * {@code liu}) and the splitting of romanised names into syllables ({@code zhangwei} → zhang wei).
 * ü is written {@code u} on both sides, so lü, lv, lu and lyu compare equal. The table is read once
 * from pinyin4j and never changes.
 */
final class Pinyin {

    private static final Map<Character, String[]> READINGS = new HashMap<>(32_768);
    private static final Set<String> SYLLABLES = new HashSet<>();
    private static final Map<String, String> FUZZY = new HashMap<>();
    private static final String[] NONE = new String[0];

    static {
        HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();
        format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        format.setVCharType(HanyuPinyinVCharType.WITH_V);
        format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        for (char c = '\u3400'; c <= '\u9fff'; c++) {
            try {
                String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, format);
                if (readings != null && readings.length > 0) {
                    String[] distinct = Arrays.stream(readings)
                            .map(r -> r.replace('v', 'u'))
                            .distinct()
                            .toArray(String[]::new);
                    READINGS.put(c, distinct);
                    SYLLABLES.addAll(Arrays.asList(distinct));
                }
            } catch (BadHanyuPinyinOutputFormatCombination e) {
                throw new IllegalStateException(e);
            }
        }
        SYLLABLES.forEach(s -> FUZZY.put(s, fuzzyOf(s)));
    }

    private Pinyin() {}

    static String[] readings(char c) {
        return READINGS.getOrDefault(c, NONE);
    }

    /** The first reading of each character, or the character itself when it has none. */
    static List<String> first(String han) {
        List<String> out = new ArrayList<>(han.length());
        for (char c : han.toCharArray()) {
            String[] r = readings(c);
            out.add(r.length == 0 ? String.valueOf(c) : r[0]);
        }
        return out;
    }

    static boolean soundAlike(char a, char b) {
        if (a == b) {
            return true;
        }
        for (String x : readings(a)) {
            for (String y : readings(b)) {
                if (x.equals(y)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether two characters sound nearly alike, as input methods' fuzzy pinyin allows: z/zh, c/ch,
     * s/sh, l/n, f/h and the -n/-ng endings (完 wan and 王 wang).
     */
    static boolean fuzzyAlike(char a, char b) {
        for (String x : readings(a)) {
            for (String y : readings(b)) {
                if (fuzzy(x).equals(fuzzy(y))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String fuzzy(String syllable) {
        String known = FUZZY.get(syllable);
        return known != null ? known : fuzzyOf(syllable);
    }

    private static String fuzzyOf(String syllable) {
        String s =
                syllable.replaceFirst("^([zcs])h", "$1").replaceFirst("^n", "l").replaceFirst("^h", "f");
        return s.endsWith("ng") ? s.substring(0, s.length() - 1) : s;
    }

    static boolean reads(char c, String syllable) {
        return Arrays.asList(readings(c)).contains(syllable);
    }

    /** Romanised text folded the way pinyin is compared: ü/v as u, lyu and nyu as lu and nu. */
    static String latin(String token) {
        return token.replace('ü', 'u').replace('v', 'u').replace("lyu", "lu").replace("nyu", "nu");
    }

    /** The syllables of a romanised token, or null when it is not pinyin (Kevin, Smith). */
    static List<String> syllables(String token) {
        List<String> out = new ArrayList<>();
        return split(latin(token), 0, out) ? out : null;
    }

    private static boolean split(String token, int from, List<String> out) {
        if (from == token.length()) {
            return true;
        }
        for (int end = Math.min(token.length(), from + 6); end > from; end--) {
            String candidate = token.substring(from, end);
            if (SYLLABLES.contains(candidate)) {
                out.add(candidate);
                if (split(token, end, out)) {
                    return true;
                }
                out.remove(out.size() - 1);
            }
        }
        return false;
    }

    /** Whether the characters, read in this order, spell the romanised text (any reading of each). */
    static boolean spells(String han, String text) {
        return spells(han, 0, text, 0);
    }

    private static boolean spells(String han, int i, String text, int at) {
        if (i == han.length()) {
            return at == text.length();
        }
        for (String r : readings(han.charAt(i))) {
            if (text.startsWith(r, at) && spells(han, i + 1, text, at + r.length())) {
                return true;
            }
        }
        return false;
    }
}
