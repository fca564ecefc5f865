package com.weavecrm.dedupe.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Width, case and space folding shared by every normaliser. */
final class Text {

    private static final Pattern BRACKETED = Pattern.compile("\\([^)]*\\)?|\\[[^]]*]?");

    private Text() {}

    /** NFKC (full-width letters, digits, brackets and spaces become half-width), lower case, trimmed. */
    static String fold(String raw) {
        if (raw == null) {
            return "";
        }
        String normal = Normalizer.isNormalized(raw, Normalizer.Form.NFKC)
                ? raw
                : Normalizer.normalize(raw, Normalizer.Form.NFKC);
        String text = normal.replace('\u3000', ' ')
                .replace('（', '(')
                .replace('）', ')')
                .replace('【', '[')
                .replace('】', ']');
        return text.toLowerCase(Locale.ROOT).strip();
    }

    static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    static boolean hasHan(String text) {
        return text.codePoints().anyMatch(Text::isHan);
    }

    /** Only the Han characters of the text. */
    static String han(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().filter(Text::isHan).forEach(out::appendCodePoint);
        return out.toString();
    }

    static String digits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Removes bracketed notes: {@code 张伟(采购)}, {@code [VIP]}. */
    static String withoutBrackets(String text) {
        return BRACKETED.matcher(text).replaceAll(" ").strip();
    }
}
