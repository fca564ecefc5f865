package com.weavecrm.bench.data;

/**
 * How much data a tenant gets. SF1 is the size the product is designed for: a million customers and
 * twenty million activities in one tenant; smaller factors scale every count down (never below a
 * handful of stores and users, so the shape stays the same).
 */
public record ScaleFactor(
        double factor,
        int customers,
        int contacts,
        int leads,
        int deals,
        long activities,
        int tasks,
        int stores,
        int regions,
        int users) {

    public static ScaleFactor of(double factor) {
        if (!(factor > 0) || factor > 10) {
            throw new IllegalArgumentException("scale factor must be in (0, 10], got " + factor);
        }
        return new ScaleFactor(
                factor,
                scaled(1_000_000, factor, 100),
                scaled(1_500_000, factor, 100),
                scaled(300_000, factor, 30),
                scaled(400_000, factor, 40),
                (long) Math.max(1_000, Math.round(20_000_000L * factor)),
                scaled(2_000_000, factor, 100),
                scaled(200, factor, 8),
                8,
                scaled(2_000, factor, 24));
    }

    private static int scaled(int atOne, double factor, int minimum) {
        return (int) Math.max(minimum, Math.round(atOne * factor));
    }

    /** The total number of rows written. */
    public long rows() {
        return customers + contacts + leads + deals + activities + tasks + stores + users;
    }
}
