package com.weavecrm.assignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Smooth weighted round robin (as nginx balances upstreams): over every run of {@code sum(weights)}
 * turns each member gets exactly its weight's share, spread out rather than in blocks (weights 3 and
 * 1 give A A B A, not A A A B). The turn is computed from the rotation's position alone, so it needs
 * no state but one counter.
 */
final class WeightedTurns {

    private WeightedTurns() {}

    /** The index of the member whose turn {@code position} is. */
    static int pick(List<Integer> weights, long position) {
        int divisor = weights.stream().reduce(0, WeightedTurns::gcd);
        int[] w = weights.stream().mapToInt(x -> x / Math.max(divisor, 1)).toArray();
        int total = IntStream.of(w).sum();
        long steps = Math.floorMod(position, (long) total) + 1;
        int[] current = new int[w.length];
        int chosen = 0;
        for (long step = 0; step < steps; step++) {
            chosen = 0;
            for (int i = 0; i < w.length; i++) {
                current[i] += w[i];
                if (current[i] > current[chosen]) {
                    chosen = i;
                }
            }
            current[chosen] -= total;
        }
        return chosen;
    }

    /** Member indexes in the order they are tried: whose turn it is, then the others by weight (heaviest first). */
    static List<Integer> order(List<Integer> weights, long position) {
        int first = pick(weights, position);
        List<Integer> order = new ArrayList<>();
        order.add(first);
        IntStream.range(0, weights.size())
                .filter(i -> i != first)
                .boxed()
                .sorted(Comparator.comparing((Integer i) -> -weights.get(i)).thenComparing(i -> i))
                .forEach(order::add);
        return order;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
