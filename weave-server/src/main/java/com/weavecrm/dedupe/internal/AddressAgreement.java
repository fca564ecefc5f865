package com.weavecrm.dedupe.internal;

import com.weavecrm.dedupe.Evidence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/** How two street addresses agree: the same place (numbers and street), nearly the same, or not. */
final class AddressAgreement {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private AddressAgreement() {}

    /** Evidence from the addresses, or null when they say nothing either way (a city and nothing else). */
    static Evidence of(StreetAddress a, StreetAddress b) {
        if (elsewhere(a.province(), b.province()) || elsewhere(a.city(), b.city())) {
            return new Evidence("address", "different_city", -1.5);
        }
        if (!a.hasStreet() || !b.hasStreet()) {
            return null;
        }
        if (!Text.hasHan(a.words()) && !Text.hasHan(b.words())) {
            return romanised(a, b);
        }
        boolean sameNumbers = !a.numbers().isEmpty() && a.numbers().equals(b.numbers());
        boolean sameStreet =
                !a.street().isEmpty() && a.street().equals(b.street()) || similarWords(a.words(), b.words());
        if (sameNumbers && sameStreet) {
            return new Evidence("address", "same_address", 1.5);
        }
        if (sameNumbers || sameStreet && overlap(a, b)) {
            return new Evidence("address", "similar_address", 0.5);
        }
        return new Evidence("address", "different_address", -1);
    }

    /** Addresses in letters: the share of words and numbers that match, allowing typos. */
    private static Evidence romanised(StreetAddress a, StreetAddress b) {
        List<String> x = tokens(a);
        List<String> y = tokens(b);
        List<String> shorter = x.size() <= y.size() ? x : y;
        List<String> longer = new ArrayList<>(x.size() <= y.size() ? y : x);
        int matched = 0;
        for (String token : shorter) {
            for (int i = 0; i < longer.size(); i++) {
                String other = longer.get(i);
                boolean same = token.equals(other)
                        || (Character.isDigit(token.charAt(0))
                                ? token.length() >= 4 && Typos.oneOff(token, other)
                                : token.length() > 3 && JARO_WINKLER.apply(token, other) >= 0.9);
                if (same) {
                    matched++;
                    longer.remove(i);
                    break;
                }
            }
        }
        double share = (double) matched / Math.max(x.size(), y.size());
        if (share >= 0.75) {
            return new Evidence("address", "same_address", 1.5);
        }
        return share >= 0.45
                ? new Evidence("address", "similar_address", 0.5)
                : new Evidence("address", "different_address", -1);
    }

    private static List<String> tokens(StreetAddress address) {
        List<String> tokens = new ArrayList<>(List.of(address.words().split(" ")));
        tokens.removeIf(String::isEmpty);
        tokens.addAll(address.numbers());
        return tokens;
    }

    private static boolean elsewhere(String x, String y) {
        return x != null && y != null && !x.equals(y);
    }

    private static boolean overlap(StreetAddress a, StreetAddress b) {
        Set<String> common = new HashSet<>(a.numbers());
        common.retainAll(b.numbers());
        return !common.isEmpty();
    }

    private static boolean similarWords(String a, String b) {
        return !a.isEmpty() && (a.contains(b) || b.contains(a)) && Math.min(a.length(), b.length()) >= 3;
    }
}
