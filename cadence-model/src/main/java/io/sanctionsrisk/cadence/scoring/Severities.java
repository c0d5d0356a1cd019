package io.sanctionsrisk.cadence.scoring;

/**
 * Expected USD per heist, attempted and realised: P(X > 0) exp(muLog + sigmaLog^2 / 2) of the lognormal
 * severities (zeros included). NaN when the severity could not be estimated. Pooled over all cells.
 */
public record Severities(double attemptedPerEvent, double realisedPerEvent) {

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

    private static double product(Double probability, Double mean) {
        if (probability == null || mean == null) {
            return Double.NaN;
        }
        double v = probability * mean;
        return Double.isFinite(v) ? v : Double.NaN;
    }
}
