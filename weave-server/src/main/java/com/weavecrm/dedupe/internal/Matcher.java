package com.weavecrm.dedupe.internal;

import com.weavecrm.dedupe.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores how likely two profiles describe the same person: each field adds evidence for or against
 * (log-odds style weights), and the sum is compared with the tenant's threshold. Personal identifiers
 * (a mobile, a personal mailbox, a WeChat id, an identity number) weigh most; shared ones (an office
 * landline, a role mailbox, a company, an address) weigh little, because colleagues and families share
 * them; a different name weighs heavily against.
 */
public final class Matcher {

    private Matcher() {}

    public static List<Evidence> compare(Profile a, Profile b) {
        List<Evidence> evidence = new ArrayList<>();
        phones(a, b, evidence);
        email(a, b, evidence);
        if (a.wechat() != null && b.wechat() != null) {
            evidence.add(
                    a.wechat().equals(b.wechat())
                            ? new Evidence("wechatId", "same_wechat", 7)
                            : new Evidence("wechatId", "different_wechat", -1.5));
        }
        idNumber(a, b, evidence);
        birthday(a, b, evidence);
        NameAgreement name = a.name() == null || b.name() == null ? null : NameComparison.compare(a.name(), b.name());
        if (name != null) {
            boolean identified = evidence.stream().anyMatch(e -> e.weight() >= 7);
            evidence.add(new Evidence(
                    "name", "name_" + name.name().toLowerCase(java.util.Locale.ROOT), Weights.name(name, identified)));
            if ((name == NameAgreement.EXACT || name == NameAgreement.SOUND) && rare(a.name()) && rare(b.name())) {
                evidence.add(new Evidence("name", "rare_name", 1));
            }
        }
        CompanyAgreement company =
                a.company() == null || b.company() == null ? null : CompanyAgreement.of(a.company(), b.company());
        if (company != null) {
            evidence.add(new Evidence("company", company.code(), company.weight()));
            double together = company.same() && name != null ? Weights.nameAtCompany(name) : 0;
            if (together > 0) {
                evidence.add(new Evidence("company", "name_at_same_company", together));
            }
        }
        Evidence address =
                a.address() == null || b.address() == null ? null : AddressAgreement.of(a.address(), b.address());
        if (address != null) {
            evidence.add(address);
        }
        if (a.name() == null || b.name() == null) {
            evidence.add(new Evidence("name", "name_missing", -1));
        }
        return evidence;
    }

    private static boolean rare(PersonName name) {
        return name.isHan() ? CommonNames.rare(name.han()) : name.latin().size() >= 2;
    }

    public static double score(List<Evidence> evidence) {
        return evidence.stream().mapToDouble(Evidence::weight).sum();
    }

    private static void phones(Profile a, Profile b, List<Evidence> evidence) {
        boolean sameLandline = false;
        for (PhoneNumber x : a.phones()) {
            for (PhoneNumber y : b.phones()) {
                if (x.personal() && x.equals(y)) {
                    evidence.add(new Evidence("phone", "same_mobile", 7));
                    return;
                }
                if (!x.personal() && !y.personal() && x.local().equals(y.local())) {
                    sameLandline = true;
                }
            }
        }
        if (sameLandline) {
            evidence.add(new Evidence("phone", "same_landline", 2));
        } else if (a.hasMobile() && b.hasMobile()) {
            evidence.add(new Evidence("phone", "different_mobile", -1.5));
        }
    }

    private static void email(Profile a, Profile b, List<Evidence> evidence) {
        if (a.email() == null || b.email() == null) {
            return;
        }
        if (a.email().address().equals(b.email().address())) {
            evidence.add(
                    a.email().shared()
                            ? new Evidence("email", "same_shared_email", 1.5)
                            : new Evidence("email", "same_email", 7));
        } else if (!a.email().shared() && !b.email().shared()) {
            evidence.add(new Evidence("email", "different_email", -1));
        }
    }

    private static void idNumber(Profile a, Profile b, List<Evidence> evidence) {
        if (a.idNumber() == null || b.idNumber() == null) {
            return;
        }
        if (a.idNumber().equals(b.idNumber())) {
            evidence.add(new Evidence("idNumber", "same_id_number", 8));
        } else if (Typos.oneOff(a.idNumber(), b.idNumber())) {
            evidence.add(new Evidence("idNumber", "id_number_one_off", 3));
        } else {
            evidence.add(new Evidence("idNumber", "different_id_number", -2));
        }
    }

    private static void birthday(Profile a, Profile b, List<Evidence> evidence) {
        if (a.birthday() == null || b.birthday() == null) {
            return;
        }
        String x = a.birthday().toString();
        String y = b.birthday().toString();
        if (x.equals(y)) {
            evidence.add(new Evidence("birthday", "same_birthday", 4));
        } else if (Typos.oneOff(x, y)
                || a.birthday().getYear() == b.birthday().getYear()
                        && a.birthday().getMonthValue() == b.birthday().getDayOfMonth()
                        && a.birthday().getDayOfMonth() == b.birthday().getMonthValue()) {
            evidence.add(new Evidence("birthday", "birthday_one_off", 1.5));
        } else {
            evidence.add(new Evidence("birthday", "different_birthday", -2));
        }
    }
}
