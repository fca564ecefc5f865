package com.weavecrm.dedupe.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Builds profiles from record values (field api name → value) of customers, contacts and leads. A
 * WeChat id that is a mobile number, contains one ({@code wxid13812345678}) or says it equals the
 * phone ({@code 同手机号}) counts as that mobile.
 */
@org.springframework.stereotype.Component
public final class Profiles {

    private static final Pattern MOBILE_INSIDE = Pattern.compile("(?<!\\d)(1[3-9]\\d{9})(?!\\d)");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^0-9a-z]");
    private static final Pattern SAME_AS_PHONE = Pattern.compile("同(手机|电话|号码|手机号|微信)|手机号|^同号$");

    private final Places places = new Places();

    public Profile of(UUID id, Map<String, Object> values) {
        List<PhoneNumber> phones = new ArrayList<>();
        PhoneNumber phone = PhoneNumber.parse(text(values, "phone"));
        if (phone != null) {
            phones.add(phone);
        }
        String wechat = wechat(text(values, "wechatId"), phones);
        String company = text(values, "company");
        return new Profile(
                id,
                PersonName.parse(text(values, "name")),
                company == null ? null : CompanyName.parse(company, places),
                List.copyOf(phones),
                EmailAddress.parse(text(values, "email")),
                wechat,
                idNumber(text(values, "idNumber")),
                birthday(values.get("birthday")),
                StreetAddress.parse(text(values, "address"), places));
    }

    private static String wechat(String raw, List<PhoneNumber> phones) {
        String text = Text.fold(raw).replace(" ", "");
        if (text.isEmpty() || SAME_AS_PHONE.matcher(text).find()) {
            return null;
        }
        var mobile = MOBILE_INSIDE.matcher(text);
        if (mobile.find()) {
            PhoneNumber number = new PhoneNumber(PhoneNumber.Kind.MOBILE, mobile.group(1));
            if (!phones.contains(number)) {
                phones.add(number);
            }
            return null;
        }
        return text;
    }

    private static String idNumber(String raw) {
        String text = NOT_ALPHANUMERIC.matcher(Text.fold(raw)).replaceAll("");
        return text.isEmpty() ? null : text;
    }

    private static LocalDate birthday(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        try {
            return value == null || value.toString().isBlank() ? null : LocalDate.parse(value.toString());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String text(Map<String, Object> values, String field) {
        Object value = values.get(field);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
