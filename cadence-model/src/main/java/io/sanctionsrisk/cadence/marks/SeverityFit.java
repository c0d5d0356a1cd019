package io.sanctionsrisk.cadence.marks;

/**
 * Lognormal severity fitted by maximum likelihood to the positive amounts: log X ~ N(muLog, sigmaLog^2), with
 * sigmaLog the MLE (divisor n). Zero amounts (attempts that realised nothing) are counted apart: {@code
 * probabilityPositive} is the share of positive amounts. NaN means "not estimable"; {@code note} says why.
 */
public record SeverityFit(
        int observations,
        int positive,
        int zeros,
        double probabilityPositive,
        double muLog,
        double sigmaLog,
        double muLogStandardError,
        boolean sufficient,
        String note) {

    /** Minimum number of positive amounts for a lognormal fit (a spread needs two). */
    public static final int MIN_POSITIVE = 2;

    /** Mean of the positive part, exp(muLog + sigmaLog^2 / 2). */
    public double meanPositive() {
        return Math.exp(muLog + 0.5 * sigmaLog * sigmaLog);
    }

    /** Median of the positive part, exp(muLog). */
    public double medianPositive() {
        return Math.exp(muLog);
    }

    /** Expected amount per heist including zeros: P(X > 0) E[X | X > 0]. */
    public double expectedPerEvent() {
        return probabilityPositive * meanPositive();
    }

    /** Quantile of the positive part at probability p in (0, 1). */
    public double quantilePositive(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1), got " + p);
        }
        return Math.exp(muLog
                + sigmaLog
                        * new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                                .inverseCumulativeProbability(p));
    }
}
