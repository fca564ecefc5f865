package com.weavecrm.dedupe.internal;

import java.util.regex.Pattern;

/** How two company names agree: the same company, the same brand, another branch, another company. */
record CompanyAgreement(String code, double weight, boolean same) {

    private static final Pattern NOT_LETTER = Pattern.compile("[^a-z]");

    static CompanyAgreement of(CompanyName a, CompanyName b) {
        boolean sameCore = a.core().equals(b.core());
        boolean sameBrand = sameCore || brandOf(a.core(), b.core()) || brandOf(b.core(), a.core());
        if (!sameBrand) {
            return new CompanyAgreement("different_company", -1, false);
        }
        if (a.branch() != null && b.branch() != null && !a.branch().equals(b.branch())) {
            return new CompanyAgreement("other_branch", -5, false);
        }
        return sameCore ? new CompanyAgreement("same_company", 1.5, true) : new CompanyAgreement("same_brand", 1, true);
    }

    /** One name is the other's abbreviation: 云启 of 云启科技, or its pinyin (Quanxin of 泉欣进出口). */
    private static boolean brandOf(String shorter, String longer) {
        if (shorter.length() >= 2 && longer.startsWith(shorter)) {
            return true;
        }
        if (Text.hasHan(shorter) || !Text.hasHan(longer)) {
            return false;
        }
        String letters = NOT_LETTER.matcher(shorter).replaceAll("");
        for (int length = 2; length <= Math.min(4, longer.length()); length++) {
            String prefix = longer.substring(0, length);
            for (int cut = 4; cut <= letters.length(); cut++) {
                if (Pinyin.spells(prefix, letters.substring(0, cut))) {
                    return true;
                }
            }
        }
        return false;
    }
}
