package io.sanctionsrisk.cadence.fit;

import java.util.List;

/**
 * Diagnostics of the posterior draws: the acceptance rate after burn-in over all chains, and per parameter (mu,
 * kappa, alpha, beta, delta; NaN for a parameter held fixed) the effective sample size of the kept draws over all
 * chains and the split R-hat (Gelman et al., 2013: each chain split in halves; near 1 when the chains agree, above
 * about 1.01 to 1.05 a warning).
 */
public record DrawDiagnostics(
        double acceptanceRate,
        List<Double> effectiveSampleSize,
        List<Double> splitRhat,
        int chains,
        int drawsPerChain,
        int burnIn,
        int thin,
        long seed) {

    public DrawDiagnostics {
        effectiveSampleSize = List.copyOf(effectiveSampleSize);
        splitRhat = List.copyOf(splitRhat);
    }

    /** The largest split R-hat over the sampled parameters. */
    public double worstRhat() {
        return splitRhat.stream()
                .filter(Double::isFinite)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(Double.NaN);
    }

    /** The smallest effective sample size over the sampled parameters. */
    public double smallestEffectiveSampleSize() {
        return effectiveSampleSize.stream()
                .filter(Double::isFinite)
                .mapToDouble(Double::doubleValue)
                .min()
                .orElse(Double.NaN);
    }
}
