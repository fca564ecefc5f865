package com.weavecrm.dedupe.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/** Compares two names written in Han characters, in romanised form or one of each. */
final class NameComparison {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private NameComparison() {}

    static NameAgreement compare(PersonName a, PersonName b) {
        if (a.isHan() && b.isHan()) {
            return han(a, b);
        }
        if (a.isHan() || b.isHan()) {
            return a.isHan() ? mixed(a, b) : mixed(b, a);
        }
        return latin(a, b);
    }

    private static NameAgreement han(PersonName a, PersonName b) {
        String x = a.han();
        String y = b.han();
        if (x.equals(y)) {
            return NameAgreement.EXACT;
        }
        if (a.familiar() || b.familiar()) {
            return a.familiar() && b.familiar()
                    ? sameFamiliar(a, b)
                    : familiar(a.familiar() ? a : b, a.familiar() ? b : a);
        }
        if (x.length() == y.length() && alike(x, y) == x.length()) {
            return NameAgreement.SOUND;
        }
        if (x.length() == y.length() && fuzzyAlike(x, y)) {
            return NameAgreement.CLOSE;
        }
        if (givenNameOnly(x, y) || givenNameOnly(y, x)) {
            return NameAgreement.PARTIAL;
        }
        if (!Pinyin.soundAlike(x.charAt(0), y.charAt(0))) {
            return NameAgreement.DIFFERENT;
        }
        if (x.length() == y.length() && (alike(x, y) == x.length() - 1 || swapped(x, y))) {
            return x.length() == 2 ? NameAgreement.SURNAME_ONLY : NameAgreement.CLOSE;
        }
        if (Math.abs(x.length() - y.length()) == 1 && x.length() + y.length() >= 5 && dropped(x, y)) {
            return NameAgreement.CLOSE;
        }
        return NameAgreement.SURNAME_ONLY;
    }

    private static NameAgreement sameFamiliar(PersonName a, PersonName b) {
        return Pinyin.soundAlike(a.familiarPart(), b.familiarPart()) ? NameAgreement.PARTIAL : NameAgreement.DIFFERENT;
    }

    /** 老张 fits 张伟 by its surname; 小伟 and 阿伟 fit by the last character of the given name. */
    private static NameAgreement familiar(PersonName nick, PersonName full) {
        char part = nick.familiarPart();
        String han = full.isHan() ? full.han() : null;
        if (han != null) {
            boolean fits =
                    Pinyin.soundAlike(part, han.charAt(0)) || Pinyin.soundAlike(part, han.charAt(han.length() - 1));
            return fits ? NameAgreement.PARTIAL : NameAgreement.DIFFERENT;
        }
        for (String token : full.latin()) {
            List<String> syllables = Pinyin.syllables(token);
            if (syllables != null
                    && !syllables.isEmpty()
                    && (Pinyin.reads(part, syllables.get(0))
                            || Pinyin.reads(part, syllables.get(syllables.size() - 1)))) {
                return NameAgreement.PARTIAL;
            }
        }
        return NameAgreement.DIFFERENT;
    }

    /** A Han name against a romanised one: 吴泰毓 = Wu Taiyu = Taiyu Wu = wutaiyu; 张伟 ~ Kevin Zhang. */
    private static NameAgreement mixed(PersonName han, PersonName romanised) {
        if (han.familiar()) {
            return familiar(han, romanised);
        }
        String chars = han.han();
        String rotated = chars.length() > 1 ? chars.substring(1) + chars.charAt(0) : chars;
        List<String> tokens = romanised.latin();
        String joined = romanised.latinJoined();
        String reversed = String.join("", tokens.reversed());
        for (String text : List.of(joined, reversed)) {
            if (Pinyin.spells(chars, text) || Pinyin.spells(rotated, text)) {
                return NameAgreement.SOUND;
            }
        }
        String surname = han.surnameSound();
        boolean surnameFound = tokens.stream().anyMatch(t -> t.equals(surname));
        if (!surnameFound) {
            return NameAgreement.DIFFERENT;
        }
        boolean othersArePinyin =
                tokens.stream().filter(t -> !t.equals(surname)).allMatch(t -> Pinyin.syllables(t) != null);
        return othersArePinyin ? NameAgreement.SURNAME_ONLY : NameAgreement.PARTIAL;
    }

    private static NameAgreement latin(PersonName first, PersonName second) {
        List<String> a = first.latin();
        List<String> b = second.latin();
        String x = String.join("", a);
        String y = String.join("", b);
        if (x.equals(y) || sorted(a).equals(sorted(b))) {
            return NameAgreement.EXACT;
        }
        if (first.soundKey().equals(second.soundKey())) {
            return NameAgreement.SOUND;
        }
        double best = Math.max(JARO_WINKLER.apply(x, y), JARO_WINKLER.apply(String.join("", a.reversed()), y));
        if (best >= 0.93) {
            return NameAgreement.CLOSE;
        }
        List<String> shorter = a.size() <= b.size() ? a : b;
        List<String> longer = a.size() <= b.size() ? b : a;
        int matched = 0;
        for (String token : shorter) {
            if (longer.stream().anyMatch(t -> similarToken(token, t))) {
                matched++;
            }
        }
        if (matched == shorter.size() && matched > 0) {
            return shorter.size() == longer.size() ? NameAgreement.CLOSE : NameAgreement.PARTIAL;
        }
        if (matched == 0) {
            return NameAgreement.DIFFERENT;
        }
        boolean chinese = a.stream().allMatch(t -> Pinyin.syllables(t) != null)
                && b.stream().allMatch(t -> Pinyin.syllables(t) != null);
        // a romanised Chinese name with another given name is another person (a colleague, a sibling); in
        // Western names one replaced part is as often a typing or a records change
        return chinese ? NameAgreement.SURNAME_ONLY : NameAgreement.PARTIAL;
    }

    private static boolean similarToken(String x, String y) {
        return x.equals(y) || JARO_WINKLER.apply(x, y) >= 0.88 || x.length() >= 5 && Typos.oneOff(x, y);
    }

    private static String sorted(List<String> tokens) {
        return String.join(" ", new ArrayList<>(tokens).stream().sorted().toList());
    }

    /** How many positions sound alike. */
    private static int alike(String x, String y) {
        int same = 0;
        for (int i = 0; i < x.length(); i++) {
            if (Pinyin.soundAlike(x.charAt(i), y.charAt(i))) {
                same++;
            }
        }
        return same;
    }

    private static boolean fuzzyAlike(String x, String y) {
        for (int i = 0; i < x.length(); i++) {
            if (!Pinyin.fuzzyAlike(x.charAt(i), y.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean swapped(String x, String y) {
        return x.length() == 3 && x.charAt(1) == y.charAt(2) && x.charAt(2) == y.charAt(1);
    }

    /** The shorter name is the longer with one character left out. */
    private static boolean dropped(String x, String y) {
        String longer = x.length() > y.length() ? x : y;
        String shorter = x.length() > y.length() ? y : x;
        for (int i = 0; i < longer.length(); i++) {
            String rest = longer.substring(0, i) + longer.substring(i + 1);
            if (alike(rest, shorter) == shorter.length()) {
                return true;
            }
        }
        return false;
    }

    /** 阳相 for 赵阳相: the given name written without the surname. */
    private static boolean givenNameOnly(String shorter, String full) {
        return shorter.length() == 2 && full.length() == 3 && alike(shorter, full.substring(1)) == 2;
    }
}
