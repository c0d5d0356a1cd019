package io.sanctionsrisk.cadence.backtest;

import static io.sanctionsrisk.cadence.simulation.RandomStreams.mix;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceLikelihood;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.Sanction;
import io.sanctionsrisk.cadence.fit.CadenceFit;
import io.sanctionsrisk.cadence.fit.CadenceFitter;
import io.sanctionsrisk.cadence.forecast.CadenceForecast;
import io.sanctionsrisk.cadence.simulation.ClusterSimulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.PoissonDistribution;

/**
 * Rolling-origin backtest (MODEL.md, "Backtests"). For each origin T_k: fit the model and its two nested baselines
 * on the heists in (0, T_k] and the sanctions in effect by T_k; predict (T_k, T_k + h]; score each model by
 *
 * <ul>
 *   <li>the out-of-sample log-likelihood of the window's heists given everything before them, log L(0, T_k + h) -
 *       log L(0, T_k) with the parameters fitted on (0, T_k] (for the Poisson baseline n_w ln r - r h);
 *   <li>whether the observed count lies in the equal-tailed 90% predictive interval of the count: the 5% and 95%
 *       quantiles of {@code intervalPaths} exact forward simulations from the fitted model given the history (the
 *       Poisson quantiles for the Poisson baseline). Parameter uncertainty is not included.
 * </ul>
 *
 * Deterministic: fits are (unless a fit reaches its time budget, which the result flags) and the simulations are
 * seeded per origin and path.
 */
public final class RollingOriginBacktest {

    private RollingOriginBacktest() {}

    /**
     * Runs the backtest over the origins (model times, ascending) with prediction windows of {@code horizon} days.
     * Throws IllegalArgumentException when an origin's window leaves the data's window or an origin has no heist
     * to train on.
     */
    public static BacktestResult run(CadenceData data, double[] origins, double horizon, BacktestOptions options) {
        if (data == null || origins == null || options == null) {
            throw new IllegalArgumentException("data, origins and options are required");
        }
        if (!Double.isFinite(horizon) || !(horizon > 0)) {
            throw new IllegalArgumentException("the prediction window must be a positive number of days");
        }
        if (origins.length == 0) {
            throw new IllegalArgumentException("at least one origin is required");
        }
        double[] events = data.eventTimes();
        List<Sanction> sanctions = data.sanctions();
        List<OriginResult> results = new ArrayList<>(origins.length);
        for (int k = 0; k < origins.length; k++) {
            double origin = origins[k];
            if (!Double.isFinite(origin) || !(origin > 0) || origin + horizon > data.windowEnd()) {
                throw new IllegalArgumentException("origin " + origin + " with its window of " + horizon
                        + " days must lie inside (0, " + data.windowEnd() + "]");
            }
            if (k > 0 && !(origin > origins[k - 1])) {
                throw new IllegalArgumentException("origins must increase");
            }
            results.add(origin(events, sanctions, origin, horizon, options, k));
        }
        int total = 0;
        for (OriginResult r : results) {
            total += r.observed();
        }
        List<ModelScore> scores = new ArrayList<>();
        for (String model : List.of(CadenceFitter.FULL, CadenceFitter.HAWKES, CadenceFitter.POISSON)) {
            double ll = 0;
            int covered = 0;
            for (OriginResult r : results) {
                WindowForecast f = r.forecast(model);
                ll += f.logLikelihood();
                covered += f.covered() ? 1 : 0;
            }
            scores.add(new ModelScore(
                    model,
                    ll,
                    total == 0 ? Double.NaN : ll / total,
                    covered,
                    results.size(),
                    (double) covered / results.size()));
        }
        boolean hit = results.stream().anyMatch(OriginResult::hitDeadline);
        return new BacktestResult(results, total, scores, hit);
    }

    private static OriginResult origin(
            double[] events, List<Sanction> sanctions, double origin, double horizon, BacktestOptions options, int k) {
        double end = origin + horizon;
        int training = upperIndex(events, origin);
        int upToEnd = upperIndex(events, end);
        if (training == 0) {
            throw new IllegalArgumentException("no heist at or before the origin " + origin + " to fit");
        }
        double[] history = Arrays.copyOf(events, training);
        double[] through = Arrays.copyOf(events, upToEnd);
        int observed = upToEnd - training;

        List<Sanction> known = new ArrayList<>();
        List<Sanction> forecastSanctions = new ArrayList<>();
        for (Sanction s : sanctions) {
            if (s.time() <= origin) {
                known.add(s);
                forecastSanctions.add(s);
            } else if (options.knownFutureSanctions() && s.time() < end) {
                forecastSanctions.add(s);
            }
        }
        CadenceFit fit = CadenceFitter.fit(CadenceData.of(origin, history, known), options.fit());
        CadenceData trainingData = CadenceData.of(origin, history, forecastSanctions);
        CadenceData throughWindow = CadenceData.of(end, through, forecastSanctions);

        List<WindowForecast> forecasts = new ArrayList<>(3);
        forecasts.add(hawkesFamily(
                CadenceFitter.FULL,
                fit.parameters(),
                trainingData,
                throughWindow,
                history,
                forecastSanctions,
                horizon,
                observed,
                options,
                k,
                0));
        forecasts.add(hawkesFamily(
                CadenceFitter.HAWKES,
                fit.hawkesWithoutSanctions(),
                trainingData,
                throughWindow,
                history,
                List.of(),
                horizon,
                observed,
                options,
                k,
                1));
        forecasts.add(poisson(fit.poissonRate(), horizon, observed));
        return new OriginResult(
                origin, end, training, observed, fit.parameters(), fit.converged(), fit.hitDeadline(), forecasts);
    }

    private static WindowForecast hawkesFamily(
            String model,
            CadenceParameters p,
            CadenceData trainingData,
            CadenceData throughWindow,
            double[] history,
            List<Sanction> sanctions,
            double horizon,
            int observed,
            BacktestOptions options,
            int originIndex,
            int modelIndex) {
        double ll =
                CadenceLikelihood.logLikelihood(throughWindow, p) - CadenceLikelihood.logLikelihood(trainingData, p);
        double expected = CadenceForecast.expectedCount(trainingData, p, List.of(), horizon)
                .total();
        double origin = trainingData.windowEnd();
        int paths = options.intervalPaths();
        long base = mix(mix(options.seed()) + 31L * originIndex + modelIndex);
        int[] counts = IntStream.range(0, paths)
                .parallel()
                .map(i -> ClusterSimulator.simulateForward(
                                p, history, sanctions, origin, origin + horizon, mix(base + i))
                        .length)
                .toArray();
        Arrays.sort(counts);
        int lower = counts[quantileIndex(0.05, paths)];
        int upper = counts[quantileIndex(0.95, paths)];
        return new WindowForecast(model, expected, lower, upper, lower <= observed && observed <= upper, ll);
    }

    private static WindowForecast poisson(double rate, double horizon, int observed) {
        double mean = rate * horizon;
        double ll = observed * Math.log(rate) - mean;
        PoissonDistribution counts = new PoissonDistribution(null, mean, 1e-12, 10_000_000);
        int lower = counts.inverseCumulativeProbability(0.05);
        int upper = counts.inverseCumulativeProbability(0.95);
        return new WindowForecast(
                CadenceFitter.POISSON, mean, lower, upper, lower <= observed && observed <= upper, ll);
    }

    // the ceil(p n)-th smallest, 0-based: the inverse of the empirical distribution function
    static int quantileIndex(double p, int n) {
        return Math.max(0, Math.min(n - 1, (int) Math.ceil(p * n) - 1));
    }

    // number of sorted values <= x
    private static int upperIndex(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
