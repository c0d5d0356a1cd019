package io.sanctionsrisk.risk.model.scoring;

import io.sanctionsrisk.risk.model.marks.SeverityFit;

/**
 * Expected USD per heist, attempted and realised: P(X > 0) exp(muLog + sigmaLog^2 / 2) of the lognormal
 * severities (zeros included). NaN when the severity could not be estimated. Pooled over all cells.
 */
public record Severities(double attemptedPerEvent, double realisedPerEvent) {

    public static Severities of(SeverityFit attempted, SeverityFit realised) {
        return new Severities(perEvent(attempted), perEvent(realised));
    }

    /** From the fitted values as stored (null: not estimable). */
    public static Severities of(
            Double attemptedProbabilityPositive,
            Double attemptedMeanPositive,
            Double realisedProbabilityPositive,
            Double realisedMeanPositive) {
        return new Severities(
                product(attemptedProbabilityPositive, attemptedMeanPositive),
                product(realisedProbabilityPositive, realisedMeanPositive));
    }

    private static double perEvent(SeverityFit fit) {
        if (fit == null || !fit.sufficient()) {
            return Double.NaN;
        }
        double v = fit.expectedPerEvent();
        return Double.isFinite(v) ? v : Double.NaN;
    }

    private static double product(Double probability, Double mean) {
        if (probability == null || mean == null) {
            return Double.NaN;
        }
        double v = probability * mean;
        return Double.isFinite(v) ? v : Double.NaN;
    }
}
