package com.weavecrm.dedupe.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A person's name as it is compared: its Han characters without notes or titles ({@code 张伟（采购）},
 * {@code 杨达/财务}, {@code 王经理} → 张伟, 杨达, 王), or its romanised tokens ({@code Zhang, Wei} → zhang
 * wei), and whether it is a familiar form ({@code 老张}, {@code 小伟}, {@code 阿伟}) that names only one
 * character of the full name.
 */
record PersonName(String han, List<String> latin, boolean familiar) {

    private static final Pattern NOTE = Pattern.compile("[/|｜\\\\].*$");
    private static final Pattern TITLE = Pattern.compile(
            "(先生|女士|小姐|总经理|经理|总监|主任|主管|助理|老板|老师|师傅|同学|店长|前台|会计|出纳|客服|销售|财务|采购|" + "[\\p{IsHan}]{2}部|总经办|办公室|总)+$");
    private static final Pattern LATIN_TOKEN = Pattern.compile("[a-zü]+");

    static PersonName parse(String raw) {
        String text = NOTE.matcher(Text.withoutBrackets(Text.fold(raw))).replaceAll("");
        String han = Text.han(text);
        if (han.length() > 1) {
            String untitled = TITLE.matcher(han).replaceAll("");
            han = untitled.isEmpty() ? han : untitled.length() == 1 ? "老" + untitled : untitled;
        }
        List<String> latin = new ArrayList<>();
        LATIN_TOKEN.matcher(text).results().forEach(m -> latin.add(Pinyin.latin(m.group())));
        if (han.isEmpty() && latin.isEmpty()) {
            return null;
        }
        boolean familiar = han.length() == 2 && "老小阿".indexOf(han.charAt(0)) >= 0;
        return new PersonName(han, List.copyOf(latin), familiar);
    }

    boolean isHan() {
        return !han.isEmpty();
    }

    /** The character a familiar form keeps: 张 of 老张, 伟 of 小伟. */
    char familiarPart() {
        return han.charAt(1);
    }

    /** The romanised tokens as one string, in the order written. */
    String latinJoined() {
        return String.join("", latin);
    }

    /** Syllables of the name, sorted: the same for 张伟, 章伟, Zhang Wei, Wei Zhang and zhangwei. */
    String soundKey() {
        List<String> syllables = new ArrayList<>();
        if (isHan()) {
            if (familiar) {
                return null;
            }
            syllables.addAll(Pinyin.first(han));
        } else {
            for (String token : latin) {
                List<String> split = Pinyin.syllables(token);
                syllables.addAll(split == null ? List.of(token) : split);
            }
        }
        String[] sorted = syllables.toArray(String[]::new);
        Arrays.sort(sorted);
        return String.join(" ", sorted);
    }

    /** The surname's first reading (Han names) or null. */
    String surnameSound() {
        if (!isHan() || familiar) {
            return null;
        }
        String[] r = Pinyin.readings(han.charAt(0));
        return r.length == 0 ? han.substring(0, 1) : r[0];
    }
}
