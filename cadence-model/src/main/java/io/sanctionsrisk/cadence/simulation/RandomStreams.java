package io.sanctionsrisk.cadence.simulation;

import java.util.SplittableRandom;

/**
 * The random draws of the simulators: independent streams derived from a seed and a key (so a result never
 * depends on the order in which streams are used or on the thread that uses them), and the exact exponential
 * and Poisson draws the cluster construction needs.
 */
public final class RandomStreams {

    private RandomStreams() {}

    /** The stream for {@code key} under {@code seed}. */
    public static SplittableRandom stream(long seed, long key) {
        return new SplittableRandom(mix(seed ^ mix(key)));
    }

    /** Stafford's variant 13 of the 64-bit finaliser (as in SplitMix64). */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Exponential with the given rate, by inversion. */
    public static double exponential(SplittableRandom rng, double rate) {
        return -Math.log1p(-rng.nextDouble()) / rate;
    }

    /** Poisson(mean) as the number of unit-rate arrivals in [0, mean]: exact, O(mean) draws. */
    public static long poisson(SplittableRandom rng, double mean) {
        long count = 0;
        double clock = exponential(rng, 1.0);
        while (clock <= mean) {
            count++;
            clock += exponential(rng, 1.0);
        }
        return count;
    }
}
