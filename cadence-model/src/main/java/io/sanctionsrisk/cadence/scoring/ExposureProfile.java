package io.sanctionsrisk.cadence.scoring;

import java.util.Arrays;
import java.util.Map;

/** The exposure levels stated for one institution: a level index per factor, or none (-1). Immutable. */
public final class ExposureProfile {

    /** No factor stated: the cell's typical institution. */
    public static final ExposureProfile NONE = new ExposureProfile(filled());

    private final byte[] levels;

    private ExposureProfile(byte[] levels) {
        this.levels = levels;
    }

    /** From level codes by factor; throws IllegalArgumentException for a level the factor does not have. */
    public static ExposureProfile of(Map<ExposureFactor, String> stated) {
        if (stated == null || stated.isEmpty()) {
            return NONE;
        }
        byte[] levels = filled();
        for (Map.Entry<ExposureFactor, String> e : stated.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            int index = e.getKey().levelIndex(e.getValue());
            if (index < 0) {
                throw new IllegalArgumentException(e.getKey().field() + " has no level '" + e.getValue() + "'; one of "
                        + e.getKey().levels());
            }
            levels[e.getKey().ordinal()] = (byte) index;
        }
        return new ExposureProfile(levels);
    }

    private static byte[] filled() {
        byte[] levels = new byte[ExposureFactor.count()];
        Arrays.fill(levels, (byte) -1);
        return levels;
    }

    /** The stated level's index, or -1. */
    public int level(ExposureFactor factor) {
        return levels[factor.ordinal()];
    }

    public boolean isEmpty() {
        for (byte level : levels) {
            if (level >= 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExposureProfile p && Arrays.equals(levels, p.levels);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(levels);
    }
}
