package com.weavecrm.dedupe.internal;

import java.util.Set;

/**
 * An e-mail address as it identifies a mailbox: lower case, without {@code +tags}, and for Gmail
 * without dots and with googlemail.com as gmail.com. Role mailboxes (info@, sales@, ...) are shared by
 * colleagues and prove little.
 */
record EmailAddress(String address, boolean shared) {

    private static final Set<String> ROLES = Set.of(
            "info",
            "sales",
            "service",
            "support",
            "contact",
            "admin",
            "office",
            "hr",
            "kefu",
            "market",
            "marketing",
            "business",
            "bd",
            "hello",
            "mail",
            "postmaster",
            "webmaster",
            "jobs",
            "finance",
            "purchase",
            "caigou",
            "xiaoshou",
            "team",
            "enquiry",
            "inquiry",
            "order",
            "orders",
            "cs");

    static EmailAddress parse(String raw) {
        String text = Text.fold(raw).replace(" ", "");
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            return null;
        }
        String local = text.substring(0, at);
        String domain = text.substring(at + 1);
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        if (domain.equals("googlemail.com")) {
            domain = "gmail.com";
        }
        if (domain.equals("gmail.com")) {
            local = local.replace(".", "");
        }
        return new EmailAddress(local + "@" + domain, ROLES.contains(local));
    }

    String local() {
        return address.substring(0, address.indexOf('@'));
    }
}
