package com.weavecrm.dedupe;

import com.weavecrm.dedupe.internal.PhoneNumberForms;

/** Whether a phone number can be read: +86/0086/spaces/full-width digits, landlines with area codes. */
public final class PhoneNumbers {

    private PhoneNumbers() {}

    /** False for empty text, 无, 138-xxxx, 00000000000 and the other placeholders people type. */
    public static boolean readable(String raw) {
        return PhoneNumberForms.readable(raw);
    }
}
