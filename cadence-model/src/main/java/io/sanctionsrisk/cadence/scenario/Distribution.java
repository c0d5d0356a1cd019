package io.sanctionsrisk.cadence.scenario;

/**
 * A sample over the simulated paths: its mean, the Monte Carlo standard error of that mean (sample standard
 * deviation / sqrt(paths)), the 95% interval of the mean (mean -/+ 1.96 standard errors) and the 5%, 50% and 95%
 * quantiles of the per-path values (inverse of the empirical distribution function: the ceil(p n)-th smallest).
 */
public record Distribution(
        double mean, double standardError, double meanLower95, double meanUpper95, double q05, double q50, double q95) {

    static final double Z95 = 1.959963984540054;

    static Distribution of(double sum, double sumOfSquares, int n, Quantiles quantiles) {
        double mean = sum / n;
        double se = Double.NaN;
        if (n > 1) {
            double variance = Math.max(0.0, (sumOfSquares - n * mean * mean) / (n - 1));
            se = Math.sqrt(variance / n);
        }
        return new Distribution(
                mean, se, mean - Z95 * se, mean + Z95 * se, quantiles.at(0.05), quantiles.at(0.50), quantiles.at(0.95));
    }

    /** The sorted non-zero values of a sample plus how many further values are exactly zero. */
    static final class Quantiles {
        private final double[] sorted;
        private final int zeros;
        private final int negatives;

        Quantiles(double[] sortedValues, int zeros) {
            this.sorted = sortedValues;
            this.zeros = zeros;
            int neg = 0;
            while (neg < sorted.length && sorted[neg] < 0) {
                neg++;
            }
            this.negatives = neg;
        }

        /** The ceil(p n)-th smallest value (1-based) of the sample, zeros included. */
        double at(double p) {
            int n = sorted.length + zeros;
            int k = (int) Math.ceil(p * n) - 1;
            k = Math.max(0, Math.min(n - 1, k));
            if (k < negatives) {
                return sorted[k];
            }
            if (k < negatives + zeros) {
                return 0.0;
            }
            return sorted[k - zeros];
        }
    }
}
