package com.weavecrm.dedupe.internal;

/** Whether two values differ by one typing slip: one character changed, added, left out or swapped. */
final class Typos {

    private Typos() {}

    static boolean oneOff(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        if (a.length() != b.length()) {
            String longer = a.length() > b.length() ? a : b;
            String shorter = a.length() > b.length() ? b : a;
            int i = 0;
            while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
                i++;
            }
            return shorter.substring(i).equals(longer.substring(i + 1));
        }
        int first = -1;
        int differences = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                differences++;
                first = first < 0 ? i : first;
            }
        }
        if (differences == 1) {
            return true;
        }
        return differences == 2
                && first + 1 < a.length()
                && a.charAt(first) == b.charAt(first + 1)
                && a.charAt(first + 1) == b.charAt(first);
    }
}
