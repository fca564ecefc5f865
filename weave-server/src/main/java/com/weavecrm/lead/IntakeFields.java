package com.weavecrm.lead;

import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.FieldType;
import com.weavecrm.platform.metadata.ObjectDef;
import java.util.List;
import java.util.Set;

/**
 * The lead fields a person can give at intake: the standard ones that describe them, and the tenant's
 * own (custom) lead fields whose values can be sent as text — a web form renders each as one input.
 */
public final class IntakeFields {

    /** The standard lead fields describing the person, in their usual order. */
    public static final List<String> STANDARD = List.of("name", "company", "phone", "email", "wechatId");

    /** At least one of these must be given: the way to reach the person. */
    public static final List<String> CONTACT = List.of("phone", "email", "wechatId");

    private static final Set<FieldType> TEXT_SENT = Set.of(
            FieldType.TEXT,
            FieldType.LONG_TEXT,
            FieldType.PHONE,
            FieldType.EMAIL,
            FieldType.URL,
            FieldType.INTEGER,
            FieldType.DECIMAL,
            FieldType.MONEY,
            FieldType.PERCENT,
            FieldType.DATE,
            FieldType.PICKLIST);

    /** Names intake reads as something else (UTM tags, consent, assignment hints): never a lead field's. */
    private static final Set<String> RESERVED = Set.of("utm", "consent", "region", "industry", "language", "amount");

    private IntakeFields() {}

    /** The custom lead fields intake takes (as text; the lead's own checks apply when it is written). */
    public static List<FieldDef> custom(ObjectDef lead) {
        return lead.fields().stream()
                .filter(f -> !f.standard() && !f.readOnly() && TEXT_SENT.contains(f.type()))
                .filter(f -> !RESERVED.contains(f.apiName()) && !f.apiName().startsWith("utm_"))
                .toList();
    }
}
