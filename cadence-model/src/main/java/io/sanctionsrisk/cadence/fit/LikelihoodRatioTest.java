package io.sanctionsrisk.cadence.fit;

/**
 * Likelihood-ratio statistic 2 (log L_alt - log L_null), clipped at 0, with a chi-squared p-value on
 * {@code degreesOfFreedom}. The {@code caveat} says why the chi-squared reference is only approximate here
 * (parameters on the boundary of the null, nuisance parameters not identified under the null).
 */
public record LikelihoodRatioTest(
        String nullModel,
        String alternativeModel,
        double statistic,
        int degreesOfFreedom,
        double pValue,
        String caveat) {}
