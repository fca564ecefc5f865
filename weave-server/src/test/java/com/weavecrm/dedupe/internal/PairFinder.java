package com.weavecrm.dedupe.internal;

import com.weavecrm.dedupe.Evidence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds the duplicate pairs among profiles: files them by blocking key, compares every pair inside a
 * block once (blocks larger than {@code maxBlock} say too little to be worth it), and reports the pairs
 * that score at least the threshold.
 */
final class PairFinder {

    /** A pair of profiles, by position, with its evidence and score. */
    record Pair(int a, int b, double score, List<Evidence> evidence) {}

    private final double threshold;
    private final int maxBlock;

    private final Set<Long> seen = new HashSet<>();

    /** How many pairs the last {@link #find} compared. */
    int compared() {
        return seen.size();
    }

    PairFinder(double threshold, int maxBlock) {
        this.threshold = threshold;
        this.maxBlock = maxBlock;
    }

    void find(List<Profile> profiles, Consumer<Pair> found) {
        Map<String, List<Integer>> blocks = new HashMap<>();
        for (int i = 0; i < profiles.size(); i++) {
            for (String key : BlockingKeys.of(profiles.get(i))) {
                blocks.computeIfAbsent(key, k -> new ArrayList<>(2)).add(i);
            }
        }
        seen.clear();
        for (List<Integer> block : blocks.values()) {
            if (block.size() < 2 || block.size() > maxBlock) {
                continue;
            }
            for (int x = 0; x < block.size(); x++) {
                for (int y = x + 1; y < block.size(); y++) {
                    int a = Math.min(block.get(x), block.get(y));
                    int b = Math.max(block.get(x), block.get(y));
                    if (a != b && seen.add(((long) a << 32) | b)) {
                        List<Evidence> evidence = Matcher.compare(profiles.get(a), profiles.get(b));
                        double score = Matcher.score(evidence);
                        if (score >= threshold) {
                            found.accept(new Pair(a, b, score, evidence));
                        }
                    }
                }
            }
        }
    }
}
