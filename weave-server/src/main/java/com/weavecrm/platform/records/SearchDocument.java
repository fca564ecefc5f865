package com.weavecrm.platform.records;

import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.FieldType;
import com.weavecrm.platform.metadata.ObjectDef;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * What the global search matches a record by: its short text fields (name, company, phone, e-mail,
 * WeChat id, cid, code, ...) in lower case, phone numbers as digits, and the name in pinyin — in full
 * ({@code zhangwei}) and as initials ({@code zw}), so 张伟 is found by "zw" or "zhang".
 */
public final class SearchDocument {

    static final int MAX_LENGTH = 2_000;
    private static final HanyuPinyinOutputFormat PINYIN = new HanyuPinyinOutputFormat();

    static {
        PINYIN.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        PINYIN.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        PINYIN.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    /** The text and the name's initials. */
    public record Text(String text, String initials) {}

    private SearchDocument() {}

    /** Whether records of the object are searched (and so keep a search document). */
    public static boolean appliesTo(ObjectDef object) {
        return object.searched();
    }

    /** The document of a record given its field values by API name. */
    public static Text of(ObjectDef object, Map<String, Object> values) {
        StringJoiner text = new StringJoiner(" ");
        for (FieldDef field : object.fields()) {
            Object value = values.get(field.apiName());
            if (value == null || !searchable(field)) {
                continue;
            }
            String string = value.toString().strip().toLowerCase(Locale.ROOT);
            text.add(string);
            if (field.type() == FieldType.PHONE) {
                text.add(string.replaceAll("[^0-9]", ""));
            }
        }
        String name = nameField(object)
                .map(f -> values.get(f.apiName()))
                .map(Object::toString)
                .orElse("");
        String company =
                values.get("company") == null ? "" : values.get("company").toString();
        text.add(pinyin(name, false)).add(pinyin(company, false));
        String document = text.toString().replaceAll("\\s+", " ").strip();
        return new Text(
                document.length() > MAX_LENGTH ? document.substring(0, MAX_LENGTH) : document, pinyin(name, true));
    }

    /** The field that names a record: the object's name field, else its first text field. */
    public static Optional<FieldDef> nameField(ObjectDef object) {
        if (object.nameField() != null) {
            Optional<FieldDef> named = object.field(object.nameField());
            if (named.isPresent()) {
                return named;
            }
        }
        return object.fields().stream().filter(f -> f.type() == FieldType.TEXT).findFirst();
    }

    /** Whether the text has Chinese characters. */
    public static boolean isChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** The text in pinyin, as the documents hold names and companies. */
    public static String pinyinOf(String text) {
        return pinyin(text, false);
    }

    /** What a user typed, in the form the documents are in. */
    public static String normalise(String query) {
        return query == null ? "" : query.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** Whether a field's value goes into the search document. */
    public static boolean searchable(FieldDef field) {
        return switch (field.type()) {
            case PHONE, EMAIL, AUTO_NUMBER -> true;
            case TEXT -> field.maxLength() == null || field.maxLength() <= 255;
            default -> false;
        };
    }

    /** Chinese characters in pinyin (first reading), other letters and digits kept; or the initials of each. */
    static String pinyin(String text, boolean initials) {
        StringBuilder out = new StringBuilder();
        boolean wordStart = true;
        for (char c : text.toCharArray()) {
            String reading = reading(c);
            if (reading != null) {
                out.append(initials ? reading.substring(0, 1) : reading);
                wordStart = true;
            } else if (Character.isLetterOrDigit(c)) {
                if (!initials || wordStart) {
                    out.append(Character.toLowerCase(c));
                }
                wordStart = false;
            } else {
                wordStart = true;
            }
        }
        return out.toString();
    }

    private static String reading(char c) {
        if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
            return null;
        }
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, PINYIN);
            return readings == null || readings.length == 0 ? null : readings[0];
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            return null;
        }
    }
}
