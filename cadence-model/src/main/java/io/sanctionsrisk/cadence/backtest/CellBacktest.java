package io.sanctionsrisk.cadence.backtest;

import static io.sanctionsrisk.cadence.simulation.RandomStreams.mix;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.Sanction;
import io.sanctionsrisk.cadence.fit.CadenceFit;
import io.sanctionsrisk.cadence.fit.CadenceFitter;
import io.sanctionsrisk.cadence.fit.FitOptions;
import io.sanctionsrisk.cadence.forecast.CadenceForecast;
import io.sanctionsrisk.cadence.marks.CellPosterior;
import io.sanctionsrisk.cadence.marks.MarkedEvent;
import io.sanctionsrisk.cadence.simulation.ClusterSimulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.special.Gamma;

/**
 * Rolling-origin backtest of what is served (MODEL.md, "Backtests that score what is served"): at each origin T
 * (quarterly by default), from what was known at T only (heists with their known-from time by T, sanctions in effect
 * by T), three totals models (the sanctions-excited Hawkes model, Hawkes without sanctions, homogeneous Poisson,
 * fitted by {@link CadenceFitter}) times two marks models (prequentially chosen, {@link MarkBacktest}, and today's
 * static ones) predict the window (T, T + window]; every heist that happens in it is scored, whenever it became
 * known. Deterministic: fits are (unless one reaches its budget, flagged), simulations are seeded by origin and path.
 */
public final class CellBacktest {

    /** A quarter in days. */
    public static final double QUARTER_DAYS = 365.25 / 4;

    public static final String ADAPTIVE = "adaptive-marks";
    public static final String STATIC = "static-marks";

    /** The totals models, in report order. */
    public static final List<String> TOTALS = List.of(CadenceFitter.FULL, CadenceFitter.HAWKES, CadenceFitter.POISSON);

    /** A score of a window. */
    public enum Metric {
        CELL_LOG_SCORE,
        CELL_BRIER,
        TOTAL_RPS;

        double of(CellWindow w, String model) {
            WindowScore s = w.score(model);
            return switch (this) {
                case CELL_LOG_SCORE -> s.cellLogScore();
                case CELL_BRIER -> s.cellBrier();
                case TOTAL_RPS -> s.totalRps();
            };
        }
    }

    private CellBacktest() {}

    /** The name of a totals model with a marks model, e.g. "sanctions-excited-hawkes+adaptive-marks". */
    public static String model(String totals, String marks) {
        return totals + "+" + marks;
    }

    /**
     * Runs the backtest over the origins first, first + step, ... while origin + window <= dataEnd.
     *
     * @param events every heist with its time, known-from time and marks
     * @param sanctions every sanction (each is used from its time on)
     * @param paths forward simulations per origin for the predictive count distribution of the Hawkes models
     */
    public static CellBacktestResult run(
            List<MarkedEvent> events,
            List<Sanction> sanctions,
            double dataEnd,
            double firstOrigin,
            double step,
            double window,
            MarkOptions marks,
            FitOptions fit,
            int paths,
            long seed) {
        if (events == null || sanctions == null || marks == null || fit == null) {
            throw new IllegalArgumentException("events, sanctions, mark options and fit options are required");
        }
        if (!(step > 0) || !(window > 0) || !Double.isFinite(firstOrigin) || !(firstOrigin + window <= dataEnd)) {
            throw new IllegalArgumentException("origins need a positive step and window inside the data");
        }
        if (paths < BacktestOptions.MIN_INTERVAL_PATHS || paths > BacktestOptions.MAX_INTERVAL_PATHS) {
            throw new IllegalArgumentException("paths must be between " + BacktestOptions.MIN_INTERVAL_PATHS + " and "
                    + BacktestOptions.MAX_INTERVAL_PATHS + ", got " + paths);
        }
        List<CellWindow> windows = new ArrayList<>();
        int k = 0;
        for (double origin = firstOrigin; origin + window <= dataEnd + 1e-9; origin = firstOrigin + (++k) * step) {
            windows.add(window(events, sanctions, origin, window, marks, fit, paths, mix(seed + k)));
        }
        double lag = Math.ceil(window / step - 1e-9) - 1;
        List<PairedDifference> differences = new ArrayList<>();
        String served = model(CadenceFitter.FULL, ADAPTIVE);
        for (Metric metric : Metric.values()) {
            for (String totals : TOTALS) {
                if (!totals.equals(CadenceFitter.FULL)) {
                    differences.add(difference(windows, lag, metric, served, model(totals, ADAPTIVE)));
                }
            }
        }
        for (String totals : TOTALS) {
            for (Metric metric : List.of(Metric.CELL_LOG_SCORE, Metric.CELL_BRIER)) {
                differences.add(difference(windows, lag, metric, model(totals, ADAPTIVE), model(totals, STATIC)));
            }
        }
        return new CellBacktestResult(List.copyOf(windows), lag, List.copyOf(differences));
    }

    private static CellWindow window(
            List<MarkedEvent> events,
            List<Sanction> sanctions,
            double origin,
            double window,
            MarkOptions marks,
            FitOptions fitOptions,
            int paths,
            long seed) {
        double end = origin + window;
        double[] history = events.stream()
                .filter(e -> e.knownBy(origin))
                .mapToDouble(MarkedEvent::time)
                .sorted()
                .toArray();
        if (history.length == 0) {
            throw new IllegalArgumentException("no heist known by the origin " + origin + " to fit");
        }
        List<Sanction> known =
                sanctions.stream().filter(s -> s.time() <= origin).toList();
        CadenceData data = CadenceData.of(origin, history, known);
        CadenceFit fit = CadenceFitter.fit(data, fitOptions);
        int observed = 0;
        int withCell = 0;
        for (MarkedEvent e : events) {
            if (e.time() > origin && e.time() <= end) {
                observed++;
                withCell += e.cell() == null ? 0 : 1;
            }
        }
        MarkBacktest.Posteriors posteriors = MarkBacktest.posteriors(events, origin, marks);
        MarkWindow markWindow = MarkBacktest.score(events, origin, end, posteriors, marks);
        int[] cellCounts = MarkBacktest.cellCounts(posteriors.adaptive(), events, origin, end);
        List<WindowScore> scores = new ArrayList<>(6);
        for (String totals : TOTALS) {
            double expected;
            double[] cdf;
            if (totals.equals(CadenceFitter.POISSON)) {
                expected = fit.poissonRate() * window;
                cdf = poissonCdf(expected, observed);
            } else {
                boolean full = totals.equals(CadenceFitter.FULL);
                CadenceParameters p = full ? fit.parameters() : fit.hawkesWithoutSanctions();
                List<Sanction> sources = full ? known : List.of();
                expected = CadenceForecast.expectedCount(CadenceData.of(origin, history, sources), p, List.of(), window)
                        .total();
                long base = mix(seed + (full ? 1 : 2));
                int[] counts = IntStream.range(0, paths)
                        .parallel()
                        .map(i -> ClusterSimulator.simulateForward(p, history, sources, origin, end, mix(base + i))
                                .length)
                        .toArray();
                cdf = empiricalCdf(counts, observed);
            }
            double rps = rps(cdf, observed);
            double pit = 0.5 * ((observed == 0 ? 0 : cdf[observed - 1]) + cdf[observed]);
            scores.add(cellScore(totals, ADAPTIVE, expected, posteriors.adaptive(), cellCounts, rps, pit));
            scores.add(cellScore(totals, STATIC, expected, posteriors.fixed(), cellCounts, rps, pit));
        }
        return new CellWindow(
                origin,
                end,
                history.length,
                observed,
                withCell,
                fit.converged(),
                fit.hitDeadline(),
                markWindow,
                List.copyOf(scores));
    }

    // sum over cells of log Poisson(n_c; m_c) and of (P_c - 1{n_c >= 1})^2, m_c = share_c x total
    private static WindowScore cellScore(
            String totals,
            String marks,
            double expected,
            CellPosterior posterior,
            int[] counts,
            double rps,
            double pit) {
        double log = 0;
        double brier = 0;
        for (int c = 0; c < counts.length; c++) {
            double m = posterior.mean(c) * expected;
            log += counts[c] * Math.log(m) - m - Gamma.logGamma(counts[c] + 1.0);
            double p = -Math.expm1(-m);
            double y = counts[c] > 0 ? 1 : 0;
            brier += (p - y) * (p - y);
        }
        return new WindowScore(totals, marks, expected, log, brier, rps, pit);
    }

    // F(0..K) with K >= observed and F(K) ~ 1
    private static double[] poissonCdf(double mean, int observed) {
        PoissonDistribution d = new PoissonDistribution(null, mean, 1e-12, 10_000_000);
        int top = Math.max(observed, d.inverseCumulativeProbability(1 - 1e-12));
        double[] cdf = new double[top + 1];
        for (int k = 0; k <= top; k++) {
            cdf[k] = d.cumulativeProbability(k);
        }
        return cdf;
    }

    private static double[] empiricalCdf(int[] counts, int observed) {
        int[] sorted = counts.clone();
        Arrays.sort(sorted);
        int top = Math.max(observed, sorted[sorted.length - 1]);
        double[] cdf = new double[top + 1];
        int i = 0;
        for (int k = 0; k <= top; k++) {
            while (i < sorted.length && sorted[i] <= k) {
                i++;
            }
            cdf[k] = (double) i / sorted.length;
        }
        return cdf;
    }

    // ranked probability score: sum over k of (F(k) - 1{observed <= k})^2
    static double rps(double[] cdf, int observed) {
        double s = 0;
        for (int k = 0; k < cdf.length; k++) {
            double o = observed <= k ? 1 : 0;
            s += (cdf[k] - o) * (cdf[k] - o);
        }
        return s;
    }

    static PairedDifference difference(
            List<CellWindow> windows, double lag, Metric metric, String model, String against) {
        int n = windows.size();
        double[] d = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            d[i] = metric.of(windows.get(i), model) - metric.of(windows.get(i), against);
            total += d[i];
        }
        double mean = total / n;
        // Newey-West long-run variance of the per-window differences, Bartlett weights up to the overlap lag
        double variance = 0;
        for (int i = 0; i < n; i++) {
            variance += (d[i] - mean) * (d[i] - mean);
        }
        for (int l = 1; l <= lag && l < n; l++) {
            double cov = 0;
            for (int i = l; i < n; i++) {
                cov += (d[i] - mean) * (d[i - l] - mean);
            }
            variance += 2 * (1 - l / (lag + 1)) * cov;
        }
        double se = n > 1 ? Math.sqrt(Math.max(0, variance) * n / (n - 1)) : Double.NaN;
        return new PairedDifference(metric, model, against, n, total, mean, se);
    }
}
