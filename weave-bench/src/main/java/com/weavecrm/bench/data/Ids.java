package com.weavecrm.bench.data;

import java.util.UUID;
import java.util.random.RandomGenerator;

/** Time-ordered UUIDs (version 7), as the product makes them, from a seeded random source. */
final class Ids {

    private Ids() {}

    static UUID v7(long epochMillis, RandomGenerator random) {
        long msb = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
