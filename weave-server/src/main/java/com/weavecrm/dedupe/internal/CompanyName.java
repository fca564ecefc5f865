package com.weavecrm.dedupe.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A company name reduced to its core: without legal form ({@code 有限公司}, {@code 股份有限公司},
 * {@code Co., Ltd.}), without the city in front or in brackets ({@code 上海XX科技} and
 * {@code XX科技(上海)} are the same company), with its branch kept apart ({@code 北京分公司} and
 * {@code (北京分部)} are the same branch, and a different branch is a different company).
 */
record CompanyName(String core, String branch) {

    private static final Pattern BRANCH = Pattern.compile("(分公司|分部|分店|办事处|分厂|分院|门店)\\)?$");
    private static final Pattern LEGAL = Pattern.compile("(集团)?(股份有限公司|有限责任公司|有限公司|股份公司|集团公司|公司|"
            + "co\\.?,?\\s*ltd\\.?|company limited|limited|ltd\\.?|inc\\.?|corp(oration)?\\.?|co\\.?)\\s*$");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\s·.,&'\"-]+");
    private static final Pattern BRACKETS = Pattern.compile("\\(([^)]*)\\)");

    static CompanyName parse(String raw, Places places) {
        String text = PUNCTUATION.matcher(Text.fold(raw)).replaceAll(" ").strip();
        if (text.isEmpty()) {
            return null;
        }
        String branch = null;
        String compact = text.replace(" ", "");
        Matcher m = BRANCH.matcher(compact);
        if (m.find()) {
            for (int length = Math.min(8, m.start()); length >= 2; length--) {
                String place = compact.substring(m.start() - length, m.start());
                if (places.isPlace(place)) {
                    branch = places.city(place);
                    int cut = m.start() - length;
                    text = compact.substring(0, cut > 0 && compact.charAt(cut - 1) == '(' ? cut - 1 : cut);
                    break;
                }
            }
        }
        String previous;
        do {
            previous = text;
            text = LEGAL.matcher(text.strip()).replaceAll("").strip();
        } while (!text.equals(previous));
        text = BRACKETS.matcher(text).replaceAll(r -> places.isPlace(r.group(1)) ? "" : r.group(1));
        String withoutPlace = places.withoutLeadingPlace(text.replace(" ", ""));
        text = withoutPlace.isEmpty() ? text.replace(" ", "") : withoutPlace;
        if (text.isEmpty()) {
            return null;
        }
        return new CompanyName(text, branch);
    }
}
