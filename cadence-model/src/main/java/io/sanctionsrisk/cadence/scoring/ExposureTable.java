package io.sanctionsrisk.cadence.scoring;

import java.util.EnumMap;
import java.util.Map;

/** The hazard multiplier of every level of every exposure factor (from configuration). Immutable. */
public final class ExposureTable {

    private final double[][] multipliers;

    /** {@code multipliers} must give a finite, positive multiplier for every level of every factor. */
    public ExposureTable(Map<ExposureFactor, Map<String, Double>> multipliers) {
        if (multipliers == null) {
            throw new IllegalArgumentException("multipliers are required");
        }
        this.multipliers = new double[ExposureFactor.count()][];
        for (ExposureFactor factor : ExposureFactor.values()) {
            Map<String, Double> levels = multipliers.get(factor);
            double[] row = new double[factor.levels().size()];
            for (int i = 0; i < row.length; i++) {
                String level = factor.levels().get(i);
                Double m = levels == null ? null : levels.get(level);
                if (m == null || !Double.isFinite(m) || !(m > 0)) {
                    throw new IllegalArgumentException("exposure multiplier " + factor.field() + "." + level
                            + " must be finite and > 0, got " + m);
                }
                row[i] = m;
            }
            this.multipliers[factor.ordinal()] = row;
        }
    }

    public double multiplier(ExposureFactor factor, int levelIndex) {
        return multipliers[factor.ordinal()][levelIndex];
    }

    /** Every multiplier by factor and level, in the factors' order. */
    public Map<ExposureFactor, Map<String, Double>> asMap() {
        Map<ExposureFactor, Map<String, Double>> out = new EnumMap<>(ExposureFactor.class);
        for (ExposureFactor factor : ExposureFactor.values()) {
            Map<String, Double> levels = new java.util.LinkedHashMap<>();
            for (int i = 0; i < factor.levels().size(); i++) {
                levels.put(factor.levels().get(i), multipliers[factor.ordinal()][i]);
            }
            out.put(factor, java.util.Collections.unmodifiableMap(levels));
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
