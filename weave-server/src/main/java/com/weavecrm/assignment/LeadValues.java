package com.weavecrm.assignment;

import com.weavecrm.platform.metadata.FieldType;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables a rule's condition sees: the lead's fields, the values intake takes for assignment
 * (region, industry, store, language, deal size), the UTM tags and whether the person is an existing
 * customer. Absent text is {@code ""} and an absent amount {@code 0}, so a condition never fails on a
 * missing value ({@code region.startsWith("31")} is simply false).
 */
public final class LeadValues {

    /** Every variable with its type. */
    public static final Map<String, FieldType> TYPES = types();

    public static final String AMOUNT = "amount";
    public static final String EXISTING_CUSTOMER = "existingCustomer";

    private LeadValues() {}

    /** The variables for a lead given as api name → value (text, numbers, booleans). */
    public static Map<String, Object> of(Map<String, ?> lead, boolean existingCustomer) {
        Map<String, Object> values = new LinkedHashMap<>();
        TYPES.forEach((name, type) -> {
            Object value = lead.get(name);
            values.put(
                    name,
                    switch (type) {
                        case DECIMAL -> amount(value);
                        case BOOLEAN -> existingCustomer;
                        default -> value == null ? "" : value.toString();
                    });
        });
        return values;
    }

    private static double amount(Object value) {
        return switch (value) {
            case null -> 0d;
            case Number number -> number.doubleValue();
            default -> {
                try {
                    yield new BigDecimal(value.toString().strip()).doubleValue();
                } catch (NumberFormatException e) {
                    yield 0d;
                }
            }
        };
    }

    private static Map<String, FieldType> types() {
        Map<String, FieldType> types = new LinkedHashMap<>();
        for (String text : new String[] {
            "name",
            "company",
            "phone",
            "email",
            "wechatId",
            "channel",
            "campaign",
            "region",
            "industry",
            "storeId",
            "language",
            "utmSource",
            "utmMedium",
            "utmCampaign",
            "utmTerm",
            "utmContent"
        }) {
            types.put(text, FieldType.TEXT);
        }
        types.put(AMOUNT, FieldType.DECIMAL);
        types.put(EXISTING_CUSTOMER, FieldType.BOOLEAN);
        return Collections.unmodifiableMap(types);
    }
}
