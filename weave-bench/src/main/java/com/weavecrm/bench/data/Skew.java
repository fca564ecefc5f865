package com.weavecrm.bench.data;

import java.util.random.RandomGenerator;

/** Skewed picks: a few big stores and customers, a long tail of small ones. */
final class Skew {

    private final double[] cumulative;

    /** Weights {@code 1 / (rank + 1)^exponent} over {@code size} ranks (Zipf). */
    Skew(int size, double exponent) {
        cumulative = new double[size];
        double total = 0;
        for (int i = 0; i < size; i++) {
            total += 1 / Math.pow(i + 1, exponent);
            cumulative[i] = total;
        }
        for (int i = 0; i < size; i++) {
            cumulative[i] /= total;
        }
    }

    int next(RandomGenerator random) {
        int i = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(cumulative.length - 1, i < 0 ? -i - 1 : i);
    }

    /**
     * A customer for a child record (an activity, a deal): half spread evenly, a third among the top
     * tenth, the rest among the top hundredth — so most customers have a handful of records and the
     * biggest accounts thousands.
     */
    static int heavyTailed(RandomGenerator random, int size) {
        double kind = random.nextDouble();
        double u = random.nextDouble();
        int index;
        if (kind < 0.5) {
            index = (int) (u * size);
        } else if (kind < 0.85) {
            index = (int) (size * 0.1 * u * u);
        } else {
            index = (int) (size * 0.01 * Math.pow(u, 1.5));
        }
        return Math.min(size - 1, index);
    }
}
