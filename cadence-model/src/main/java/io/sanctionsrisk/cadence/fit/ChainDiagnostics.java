package io.sanctionsrisk.cadence.fit;

/**
 * Convergence diagnostics of Markov chains (Gelman et al., Bayesian Data Analysis, 3rd ed., section 11.4-11.5):
 * the split R-hat and the multi-chain effective sample size with Geyer's initial positive sequence.
 */
final class ChainDiagnostics {

    private ChainDiagnostics() {}

    /** Split R-hat of {@code chains[c][i]}: each chain cut in halves, then the potential scale reduction. */
    static double splitRhat(double[][] chains) {
        int half = chains[0].length / 2;
        if (half < 2) {
            return Double.NaN;
        }
        double[][] split = new double[2 * chains.length][];
        for (int c = 0; c < chains.length; c++) {
            split[2 * c] = java.util.Arrays.copyOfRange(chains[c], 0, half);
            split[2 * c + 1] = java.util.Arrays.copyOfRange(chains[c], chains[c].length - half, chains[c].length);
        }
        Spread spread = Spread.of(split);
        double within = spread.within;
        double between = spread.betweenOverN;
        if (within == 0) {
            return between == 0 ? 1.0 : Double.POSITIVE_INFINITY;
        }
        double plus = (half - 1.0) / half * within + between;
        return Math.sqrt(plus / within);
    }

    /** Effective sample size over all chains (equal lengths). */
    static double effectiveSampleSize(double[][] chains) {
        int m = chains.length;
        int n = chains[0].length;
        if (n < 4) {
            return Double.NaN;
        }
        Spread spread = Spread.of(chains);
        double[] means = spread.means;
        double within = spread.within;
        double plus = (n - 1.0) / n * within + spread.betweenOverN;
        if (!(plus > 0)) {
            return Double.NaN;
        }
        // rho_t = 1 - (W - mean over chains of autocovariance_t) / var_plus; sum pairs while positive
        double sum = 0;
        double previousPair = Double.POSITIVE_INFINITY;
        for (int t = 0; t + 1 < n; t += 2) {
            double pair = rho(chains, means, t, n, within, plus) + rho(chains, means, t + 1, n, within, plus);
            if (pair <= 0) {
                break;
            }
            pair = Math.min(pair, previousPair); // initial monotone sequence
            sum += pair;
            previousPair = pair;
        }
        double tau = -1 + 2 * sum;
        return m * n / Math.max(tau, 1.0 / Math.log10(Math.max(10, m * n)));
    }

    /** Chain means, the mean within-chain variance W and B / n (the variance of the chain means). */
    private record Spread(double[] means, double within, double betweenOverN) {

        static Spread of(double[][] chains) {
            int m = chains.length;
            double[] means = new double[m];
            double within = 0;
            double grand = 0;
            for (int c = 0; c < m; c++) {
                means[c] = mean(chains[c]);
                within += variance(chains[c], means[c]);
                grand += means[c];
            }
            grand /= m;
            double between = 0;
            for (double mc : means) {
                between += (mc - grand) * (mc - grand);
            }
            return new Spread(means, within / m, m > 1 ? between / (m - 1.0) : 0);
        }
    }

    private static double rho(double[][] chains, double[] means, int lag, int n, double within, double plus) {
        double acov = 0;
        for (int c = 0; c < chains.length; c++) {
            double s = 0;
            for (int i = 0; i + lag < n; i++) {
                s += (chains[c][i] - means[c]) * (chains[c][i + lag] - means[c]);
            }
            acov += s / n;
        }
        acov /= chains.length;
        return 1 - (within - acov) / plus;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double variance(double[] x, double mean) {
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return s / (x.length - 1);
    }
}
