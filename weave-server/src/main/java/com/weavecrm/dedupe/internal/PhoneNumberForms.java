package com.weavecrm.dedupe.internal;

/** The public face of {@link PhoneNumber} for the rest of the product. */
public final class PhoneNumberForms {

    private PhoneNumberForms() {}

    public static boolean readable(String raw) {
        return PhoneNumber.parse(raw) != null;
    }
}
