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

    private static final Pattern BRANCH = Pattern.compile("\\(?([\\p{IsHan}]{2,6}?)(分公司|分部|分店|办事处|分厂|分院|门店|店)\\)?$");
    private static final Pattern LEGAL = Pattern.compile("(集团)?(股份有限公司|有限责任公司|有限公司|股份公司|集团公司|公司|"
            + "co\\.?,?\\s*ltd\\.?|company limited|limited|ltd\\.?|inc\\.?|corp(oration)?\\.?|co\\.?)\\s*$");
    private static final Pattern BRACKETS = Pattern.compile("\\(([^)]*)\\)");

    static CompanyName parse(String raw, Places places) {
        String text = Text.fold(raw).replaceAll("[\\s·.,&'\"-]+", " ").strip();
        if (text.isEmpty()) {
            return null;
        }
        String branch = null;
        Matcher m = BRANCH.matcher(text.replace(" ", ""));
        if (m.find() && m.start() > 1 && places.isPlace(m.group(1))) {
            branch = places.city(m.group(1));
            text = text.replace(" ", "").substring(0, m.start());
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
