package com.weavecrm.dedupe.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A phone number reduced to what identifies it: a Chinese mobile (11 digits), a landline with its
 * area code ({@code 02161234567}), a landline whose area code was left out (only its local number is
 * known), a foreign number in E.164, or nothing (empty, {@code 无}, {@code 13800138000}...). Extensions
 * ({@code -8012}, {@code 转8012}, {@code #8012}) are dropped: they name a desk, not a line.
 */
record PhoneNumber(Kind kind, String digits) {

    enum Kind {
        MOBILE,
        LANDLINE,
        LOCAL,
        FOREIGN
    }

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern EXTENSION = Pattern.compile("(转|ext\\.?|x|#)\\s*\\d{1,6}$");
    private static final Pattern TRAILING_GROUP = Pattern.compile(".*\\d[- ](\\d{1,5})$");
    private static final Pattern PLAIN_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Set<String> DUMMIES = Set.of("13800138000", "13888888888", "12345678901", "13912345678");

    /** The local part of a landline: the number without its area code. */
    String local() {
        if (kind != Kind.LANDLINE) {
            return digits;
        }
        int areaLength = digits.startsWith("01") || digits.startsWith("02") ? 3 : 4;
        return digits.substring(areaLength);
    }

    boolean personal() {
        return kind == Kind.MOBILE || kind == Kind.FOREIGN;
    }

    /** The number in a text, or null when none can be read from it. */
    static PhoneNumber parse(String raw) {
        if (raw != null && PLAIN_MOBILE.matcher(raw).matches()) {
            return dummy(raw) ? null : new PhoneNumber(Kind.MOBILE, raw);
        }
        String text = Text.fold(raw);
        if (text.isEmpty()) {
            return null;
        }
        text = EXTENSION.matcher(text).replaceAll("");
        String digits = Text.digits(text);
        if (digits.length() < 7 || dummy(digits)) {
            return null;
        }
        boolean international = text.startsWith("+") || text.startsWith("(+") || digits.startsWith("00");
        if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("86") && digits.length() >= 12 && international) {
            digits = digits.substring(2);
        } else if (digits.startsWith("86") && digits.length() == 13 && digits.charAt(2) == '1') {
            digits = digits.substring(2);
        } else if (international) {
            return foreign(text);
        }
        return chinese(text, digits);
    }

    private static PhoneNumber chinese(String text, String digits) {
        if (digits.length() == 11 && digits.charAt(0) == '1') {
            return dummy(digits) ? null : new PhoneNumber(Kind.MOBILE, digits);
        }
        java.util.regex.Matcher group = TRAILING_GROUP.matcher(text);
        if (digits.length() > 12 && group.matches()) {
            digits = digits.substring(0, digits.length() - group.group(1).length());
        }
        String national = digits.startsWith("0") ? digits : "0" + digits;
        if (digits.length() >= 9 && digits.length() <= 12 && valid(national)) {
            return new PhoneNumber(Kind.LANDLINE, national);
        }
        if (digits.length() == 7 || digits.length() == 8) {
            return new PhoneNumber(Kind.LOCAL, digits);
        }
        return null;
    }

    private static boolean valid(String national) {
        try {
            return UTIL.isValidNumber(UTIL.parse(national, "CN"));
        } catch (NumberParseException e) {
            return false;
        }
    }

    private static PhoneNumber foreign(String text) {
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(text.replace("(", "").replace(")", ""), "CN");
            return UTIL.isPossibleNumber(number)
                    ? new PhoneNumber(Kind.FOREIGN, UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static int distinctDigits(String digits, int from) {
        int seen = 0;
        for (int i = from; i < digits.length(); i++) {
            seen |= 1 << (digits.charAt(i) - '0');
        }
        return Integer.bitCount(seen);
    }

    /** Placeholders typed when the customer gave no number: one repeated digit, a run, a known fake. */
    private static boolean dummy(String digits) {
        if (DUMMIES.contains(digits) || distinctDigits(digits, 0) <= 2) {
            return true;
        }
        return distinctDigits(digits, Math.max(0, digits.length() - 8)) == 1;
    }
}
