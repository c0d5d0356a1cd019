package io.sanctionsrisk.cadence.fit;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.Sanction;
import io.sanctionsrisk.cadence.simulation.ClusterSimulator;
import io.sanctionsrisk.cadence.simulation.RandomStreams;
import java.time.Duration;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Parametric bootstrap p-value of the sanctions term. Under the null kappa = 0 sits on the boundary and delta is
 * not identified (Davies' problem), so the chi-squared reference of the likelihood-ratio test is unreliable.
 * Instead: simulate data sets from the fitted Hawkes model without sanctions (exact cluster simulation, the
 * same window and sanctions), refit the Hawkes and full models to each with the same options (the kernel shape
 * chosen by AIC when the original fit chose it, as the observed statistic did), and compare their statistics
 * with the observed one. Replicate r uses the seed mix(seed + r), so the result is deterministic and independent
 * of the thread count; replicates run side by side.
 */
public final class SanctionsTermBootstrap {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private SanctionsTermBootstrap() {}

    /** Runs the bootstrap for {@code fit}, the fit of {@code data} with {@code fitOptions}. */
    public static BootstrapTest test(
            CadenceData data, CadenceFit fit, FitOptions fitOptions, BootstrapOptions options) {
        if (data == null || fit == null || fitOptions == null || options == null) {
            throw new IllegalArgumentException("data, fit, fit options and bootstrap options are required");
        }
        double observed = statistic(fit);
        if (!options.enabled()) {
            return BootstrapTest.notRun(observed);
        }
        long deadline = System.nanoTime() + options.budget().toNanos();
        return run(data, fit, fitOptions, options, r -> deadline - System.nanoTime() > 0, deadline);
    }

    /**
     * The bootstrap in seed order, a chunk of as many replicates as there are processors at a time, each replicate
     * started only while {@code mayStart} allows it: a run the budget stops has finished a prefix of the replicates
     * (up to the chunk it stopped in), not a scatter of them. (One parallel stream over all the replicates works its
     * split ranges from both ends, and a budget could then leave the prefix empty although many replicates ran.)
     */
    static BootstrapTest run(
            CadenceData data,
            CadenceFit fit,
            FitOptions fitOptions,
            BootstrapOptions options,
            IntPredicate mayStart,
            long deadline) {
        double observed = statistic(fit);
        CadenceParameters nullModel = fit.hawkesWithoutSanctions();
        List<Sanction> sanctions = data.sanctions();
        FitOptions refit = fitOptions.withBootstrap(BootstrapOptions.NONE).withDraws(DrawOptions.NONE);
        int replicates = options.replicates();
        Double[] statistics = new Double[replicates];
        int chunk = Math.max(1, Runtime.getRuntime().availableProcessors());
        boolean stopped = false;
        for (int start = 0; start < replicates && !stopped; start += chunk) {
            int from = start;
            Double[] done = IntStream.range(from, Math.min(replicates, from + chunk))
                    .parallel()
                    .mapToObj(r -> mayStart.test(r)
                            ? replicate(data, nullModel, sanctions, refit, options.seed(), r, deadline)
                            : null)
                    .toArray(Double[]::new);
            for (int i = 0; i < done.length; i++) {
                statistics[from + i] = done[i];
                stopped |= done[i] == null;
            }
        }
        int run = 0;
        int exceedances = 0;
        while (run < statistics.length && statistics[run] != null) { // the completed prefix, in seed order
            exceedances += statistics[run] >= observed ? 1 : 0;
            run++;
        }
        double p = run == 0 ? Double.NaN : (1.0 + exceedances) / (1.0 + run);
        double error = run == 0 ? Double.NaN : Math.sqrt(p * (1 - p) / run);
        return new BootstrapTest(
                CadenceFitter.HAWKES,
                CadenceFitter.FULL,
                observed,
                options.replicates(),
                run,
                exceedances,
                p,
                error,
                options.seed(),
                run < options.replicates());
    }

    /** The likelihood-ratio statistic of the sanctions term, 2 (log L_full - log L_Hawkes), clipped at 0. */
    static double statistic(CadenceFit fit) {
        return Math.max(0, 2 * (fit.logLikelihood() - fit.comparisons().get(1).logLikelihood()));
    }

    // One replicate's statistic, or null when the budget ran out before or during it.
    private static Double replicate(
            CadenceData data,
            CadenceParameters nullModel,
            List<Sanction> sanctions,
            FitOptions refit,
            long seed,
            int r,
            long deadline) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            return null;
        }
        double[] events = ClusterSimulator.simulate(
                nullModel, sanctions, data.windowEnd(), RandomStreams.mix(seed + GOLDEN * (r + 1)));
        if (events.length == 0) {
            return 0.0; // nothing to fit: the sanctions term cannot improve on the null
        }
        Duration budget = Duration.ofNanos(Math.min(remaining, refit.budget().toNanos()));
        CadenceFit fit =
                CadenceFitter.fit(CadenceData.of(data.windowEnd(), events, sanctions), refit.withBudget(budget));
        return fit.hitDeadline() ? null : statistic(fit);
    }
}
