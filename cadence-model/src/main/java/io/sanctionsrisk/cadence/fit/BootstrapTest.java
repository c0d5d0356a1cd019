package io.sanctionsrisk.cadence.fit;

/**
 * A seeded parametric-bootstrap test of the sanctions term (MODEL.md, "Bootstrap"). Under the null (the fitted
 * Hawkes model without sanctions) {@code replicatesRun} data sets were simulated and both models refitted; the
 * p-value is (1 + exceedances) / (1 + replicatesRun), where an exceedance is a replicate whose likelihood-ratio
 * statistic reaches the observed one, and {@code monteCarloError} its binomial standard error. When the budget
 * stops the run early ({@code hitBudget}), the first {@code replicatesRun} replicates in seed order count, so the
 * p-value is that of a smaller deterministic run. {@code replicatesRequested} = 0 means no bootstrap was run.
 */
public record BootstrapTest(
        String nullModel,
        String alternativeModel,
        double observedStatistic,
        int replicatesRequested,
        int replicatesRun,
        int exceedances,
        double pValue,
        double monteCarloError,
        long seed,
        boolean hitBudget) {

    /** The placeholder carried by a fit that ran no bootstrap. */
    public static BootstrapTest notRun(double observedStatistic) {
        return new BootstrapTest(
                CadenceFitter.HAWKES, CadenceFitter.FULL, observedStatistic, 0, 0, 0, Double.NaN, Double.NaN, 0, false);
    }

    public boolean ran() {
        return replicatesRun > 0;
    }
}
