package com.weavecrm.dedupe.internal;

/** Small Chinese numerals as written in addresses: 五, 十二, 二十七, 一〇二. */
final class ChineseNumerals {

    private static final String DIGITS = "〇一二三四五六七八九";

    private ChineseNumerals() {}

    static int value(String text) {
        String numerals = text.replace('零', '〇').replace('两', '二');
        int ten = numerals.indexOf('十');
        if (ten < 0) {
            int value = 0;
            for (char c : numerals.toCharArray()) {
                value = value * 10 + Math.max(0, DIGITS.indexOf(c));
            }
            return value;
        }
        int tens = ten == 0 ? 1 : Math.max(0, DIGITS.indexOf(numerals.charAt(ten - 1)));
        int units = ten == numerals.length() - 1 ? 0 : Math.max(0, DIGITS.indexOf(numerals.charAt(ten + 1)));
        return tens * 10 + units;
    }
}
