package com.weavecrm.dedupe.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A record in the form it is matched in: every identifying field normalised once. */
public record Profile(
        UUID id,
        PersonName name,
        CompanyName company,
        List<PhoneNumber> phones,
        EmailAddress email,
        String wechat,
        String idNumber,
        LocalDate birthday,
        StreetAddress address) {

    boolean hasMobile() {
        return phones.stream().anyMatch(PhoneNumber::personal);
    }
}
