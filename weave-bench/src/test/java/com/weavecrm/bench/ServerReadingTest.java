package com.weavecrm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ServerReadingTest {

    private static final CpuTime NO_CPU = new CpuTime(0, 0, 0);

    @Test
    void percentilesAreInterpolatedWithinTheBucketOfTheDifferenceBetweenTwoReadings() {
        ServerReading before =
                reading(new double[] {0.001, 0.002, 0.004, 0.008, Double.POSITIVE_INFINITY}, 10, 20, 20, 20, 20);
        // 100 more requests: 50 under 1 ms, 40 between 1 and 2 ms, 9 between 2 and 4 ms, 1 between 4 and 8 ms
        ServerReading after =
                reading(new double[] {0.001, 0.002, 0.004, 0.008, Double.POSITIVE_INFINITY}, 60, 110, 119, 120, 120);

        ServerReading during = after.minus(before);

        assertThat(during.serverMillis(0.5)).isEqualTo(1.0);
        assertThat(during.serverMillis(0.9)).isEqualTo(2.0);
        assertThat(during.serverMillis(0.95)).isEqualTo(3.11);
        assertThat(during.serverMillis(0.99)).isEqualTo(4.0);
    }

    @Test
    void withoutRequestsThereIsNoServerTime() {
        ServerReading reading = reading(new double[] {0.001, Double.POSITIVE_INFINITY}, 5, 5);

        assertThat(reading.minus(reading).serverMillis(0.99)).isNull();
        assertThat(new ServerReading(NO_CPU, new TreeMap<>()).serverMillis(0.5)).isNull();
    }

    private static ServerReading reading(double[] bounds, long... cumulative) {
        TreeMap<Double, Long> buckets = new TreeMap<>();
        for (int i = 0; i < bounds.length; i++) {
            buckets.put(bounds[i], cumulative[i]);
        }
        return new ServerReading(NO_CPU, buckets);
    }
}
