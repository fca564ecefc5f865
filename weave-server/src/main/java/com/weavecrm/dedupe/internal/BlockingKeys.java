package com.weavecrm.dedupe.internal;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The keys under which a profile is filed so that likely duplicates meet without comparing every
 * pair: identifiers (mobile, landline, e-mail, WeChat, identity number, birthday), the name's sound,
 * and parts of the name together with the company or the address, for nicknames and typos.
 */
public final class BlockingKeys {

    private BlockingKeys() {}

    public static Set<String> of(Profile p) {
        Set<String> keys = new LinkedHashSet<>();
        p.phones().forEach(phone -> keys.add((phone.personal() ? "m:" : "l:") + phone.local()));
        if (p.email() != null) {
            keys.add("e:" + p.email().address());
            keys.add("el:" + p.email().local());
        }
        if (p.wechat() != null) {
            keys.add("w:" + p.wechat());
        }
        if (p.idNumber() != null) {
            keys.add("i:" + p.idNumber());
        }
        if (p.name() != null) {
            name(p, keys);
        }
        return keys;
    }

    private static void name(Profile p, Set<String> keys) {
        PersonName name = p.name();
        String sound = name.soundKey();
        if (sound != null) {
            keys.add("n:" + sound);
        }
        Set<String> parts = new LinkedHashSet<>();
        if (name.isHan()) {
            String han = name.han();
            parts.add(Pinyin.first(han.substring(name.familiar() ? 1 : 0, name.familiar() ? 2 : 1))
                    .getFirst());
            parts.add(Pinyin.first(han.substring(han.length() - 1)).getFirst());
        } else {
            name.latin().forEach(token -> {
                if (token.length() > 1) {
                    parts.add(token);
                }
            });
        }
        for (String part : parts) {
            if (p.company() != null) {
                keys.add("nc:" + part + "|" + p.company().core());
            }
            if (p.address() != null && !p.address().numbers().isEmpty()) {
                keys.add("na:" + part + "|" + addressNumbers(p.address()));
            }
            if (p.birthday() != null) {
                keys.add("d:" + p.birthday() + "|" + part.charAt(0));
            }
            if (!name.isHan()) {
                keys.add("t:" + part);
            }
        }
    }

    /** The address's numbers, with the street in front when a single house number is all there is. */
    private static String addressNumbers(StreetAddress address) {
        String numbers = String.join("-", address.numbers());
        return address.numbers().size() > 1 ? numbers : address.street() + numbers;
    }
}
