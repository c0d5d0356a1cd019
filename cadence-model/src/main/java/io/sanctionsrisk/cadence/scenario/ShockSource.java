package io.sanctionsrisk.cadence.scenario;

import io.sanctionsrisk.cadence.simulation.RandomStreams;

/**
 * A sanction as a source of simulated heists: its time (days on the model's axis), weight, a stable key that
 * seeds its random stream, and which of the two worlds it acts in. Two sources with the same key in the same path
 * draw the same random numbers, so keys must be distinct within one simulation.
 */
public record ShockSource(double time, double weight, long key, Membership membership) {

    /** Which world a source acts in: both, the baseline only (a removed sanction), the scenario only (an added one). */
    public enum Membership {
        BOTH,
        BASELINE,
        SCENARIO;

        boolean inBaseline() {
            return this != SCENARIO;
        }

        boolean inScenario() {
            return this != BASELINE;
        }
    }

    public ShockSource {
        if (!Double.isFinite(time)) {
            throw new IllegalArgumentException("sanction time must be finite, got " + time);
        }
        if (!Double.isFinite(weight) || weight < 0) {
            throw new IllegalArgumentException("sanction weight must be finite and >= 0, got " + weight);
        }
        if (membership == null) {
            throw new IllegalArgumentException("membership is required");
        }
    }

    /** A stable 64-bit key of a text (a sanction's natural key), the same in every JVM. */
    public static long keyOf(String text) {
        long h = 0x243F6A8885A308D3L;
        for (int i = 0; i < text.length(); i++) {
            h = RandomStreams.mix(h ^ text.charAt(i));
        }
        return RandomStreams.mix(h ^ text.length());
    }
}
