package io.sanctionsrisk.cadence.fit;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceLikelihood;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.LikelihoodValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Maximum-likelihood fit of the cadence model (MODEL.md, "Estimation"). The optimiser is Commons Math BOBYQA
 * (bounded, derivative-free quadratic models) on a rescaled parameter vector
 *
 * <pre>
 *   v = (ln(mu T / n), ln(1 + kappa W), alpha, ln beta, ln delta)
 * </pre>
 *
 * so that every coordinate is of order one and the bounds of {@link ParameterBounds} are a box; the best
 * coarse BOBYQA result is polished by Newton steps on the analytic gradient. Each optimisation runs from a
 * fixed list of starting points (the nested model's optimum first), keeps the best, and stops at the deadline
 * if it comes first. Nothing depends on hash order or thread scheduling: the same
 * data and options give bit-identical results unless the deadline is hit.
 */
public final class CadenceFitter {

    public static final String POISSON = "homogeneous-poisson";
    public static final String HAWKES = "hawkes-without-sanctions";
    public static final String FULL = "sanctions-excited-hawkes";

    private static final String[] NAMES = {"mu", "kappa", "alpha", "beta", "delta"};
    private static final double Z95 = 1.959963984540054;
    private static final double BOUND_TOLERANCE = 1e-5;
    private static final double INITIAL_RADIUS = 0.2;
    /** Mean response lags (days) whose profiled fits seed the full model's search. */
    private static final double[] START_LAGS_DAYS = {7, 30, 90, 365, 1500};

    private static final int NEWTON_ITERATIONS = 8;
    private static final double NEWTON_STEP = 1e-4;
    private static final double NEWTON_TOLERANCE = 1e-7;

    private static final double COARSE_RADIUS = 1e-2;
    private static final double POLISH_RADIUS = 2e-2;
    private static final double STOPPING_RADIUS = 1e-5;
    /** Nominal delta (mean lag 90 days per unit shape) reported when kappa cannot be estimated. */
    private static final double NOMINAL_LAG_DAYS = 90;

    private CadenceFitter() {}

    /** Fits with {@link FitOptions#defaults()}. */
    public static CadenceFit fit(CadenceData data) {
        return fit(data, FitOptions.defaults());
    }

    /**
     * Fits the full model, the Hawkes-without-sanctions and homogeneous Poisson baselines, and the diagnostics.
     * Throws IllegalArgumentException when the data hold no event.
     */
    public static CadenceFit fit(CadenceData data, FitOptions options) {
        if (data == null || options == null) {
            throw new IllegalArgumentException("data and options are required");
        }
        int n = data.eventCount();
        if (n == 0) {
            throw new IllegalArgumentException("at least one event is required to fit the model");
        }
        Budget budget = new Budget(System.nanoTime() + options.budget().toNanos());
        double T = data.windowEnd();
        double rate = n / T;
        double weight = data.effectiveSanctionWeight();
        boolean hasSanctions = weight > 0;

        double poissonLogLikelihood = n * Math.log(rate) - n;
        Optimum hawkes = fitHawkes(data, rate, options, budget);
        CadenceParameters hawkesParams = hawkesParameters(hawkes.v, rate);

        List<ShapeCandidate> shapes = new ArrayList<>();
        Optimum best = null;
        int bestShape = 0;
        boolean converged = hawkes.converged;
        int[] shapeList = options.shape() != null ? new int[] {options.shape()} : new int[] {1, 2, 3};
        // the shapes are independent searches: run them side by side, then compare in shape order
        List<Optimum> perShape = Arrays.stream(shapeList)
                .parallel()
                .mapToObj(k -> hasSanctions
                        ? fitFull(data, k, rate, weight, hawkes, options, budget)
                        : new Optimum(
                                new double[] {hawkes.v[0], 0, hawkes.v[1], hawkes.v[2], Math.log(k / NOMINAL_LAG_DAYS)},
                                hawkes.value,
                                hawkes.converged))
                .toList();
        for (int index = 0; index < shapeList.length; index++) {
            int k = shapeList[index];
            Optimum full = perShape.get(index);
            converged &= full.converged;
            CadenceParameters p = fullParameters(full.v, k, rate, T, weight);
            shapes.add(new ShapeCandidate(k, p, full.value, 2.0 * 5 - 2.0 * full.value));
            if (best == null || full.value > best.value) { // ties keep the smaller shape
                best = full;
                bestShape = k;
            }
        }
        CadenceParameters params = fullParameters(best.v, bestShape, rate, T, weight);
        double ll = best.value;
        double[][] correlation = new double[5][5];
        List<ParameterEstimate> estimates = estimates(data, params, best.v, rate, weight, hasSanctions, correlation);

        double hawkesLl = Math.min(hawkes.value, ll); // the full model nests Hawkes: its optimum cannot be worse
        double poissonLl = Math.min(poissonLogLikelihood, hawkesLl);
        List<ModelComparison> comparisons = List.of(
                ModelComparison.of(POISSON, 1, poissonLogLikelihood),
                ModelComparison.of(HAWKES, 3, hawkes.value),
                ModelComparison.of(FULL, 5, ll));
        List<LikelihoodRatioTest> tests = List.of(
                lrTest(
                        POISSON,
                        HAWKES,
                        hawkes.value - poissonLl,
                        2,
                        "alpha = 0 lies on the boundary and beta is not identified under the null;"
                                + " the chi-squared(2) p-value is a rough guide (a chi-bar-squared mixture"
                                + " would be smaller)"),
                lrTest(
                        HAWKES,
                        FULL,
                        ll - hawkesLl,
                        2,
                        "kappa = 0 lies on the boundary and delta is not identified under the null"
                                + " (Davies' problem); the chi-squared(2) p-value is approximate"),
                lrTest(
                        POISSON,
                        FULL,
                        ll - poissonLl,
                        4,
                        "boundary and unidentified nuisance parameters under the null; the chi-squared(4)"
                                + " p-value is approximate"));
        GoodnessOfFit gof = goodnessOfFit(data, params);
        return new CadenceFit(
                params,
                ll,
                2.0 * 5 - 2.0 * ll,
                estimates,
                toLists(correlation),
                options.shape() == null,
                shapes,
                rate,
                hawkesParams,
                comparisons,
                tests,
                gof,
                n,
                data.sanctionCount(),
                budget.evaluations.get(),
                converged && !budget.hit,
                budget.hit);
    }

    /** Time-rescaling goodness of fit of {@code params} on {@code data}. */
    public static GoodnessOfFit goodnessOfFit(CadenceData data, CadenceParameters params) {
        double[] tau = CadenceLikelihood.compensatorAtEvents(data, params);
        double[] gaps = new double[tau.length];
        double previous = 0;
        double sum = 0;
        for (int i = 0; i < tau.length; i++) {
            gaps[i] = Math.max(0.0, tau[i] - previous);
            previous = tau[i];
            sum += gaps[i];
        }
        if (gaps.length < 2) {
            return new GoodnessOfFit(gaps.length, Double.NaN, Double.NaN, gaps.length == 1 ? gaps[0] : Double.NaN);
        }
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        ExponentialDistribution exp1 = new ExponentialDistribution(null, 1.0);
        double d = ks.kolmogorovSmirnovStatistic(exp1, gaps);
        double p = ks.kolmogorovSmirnovTest(exp1, gaps, false);
        return new GoodnessOfFit(gaps.length, d, p, sum / gaps.length);
    }

    // ---- Hawkes without sanctions: v = (ln(mu T / n), alpha, ln beta)

    private static Optimum fitHawkes(CadenceData data, double rate, FitOptions options, Budget budget) {
        double[] lo = {Math.log(ParameterBounds.MU_MIN_FACTOR), 0, Math.log(ParameterBounds.RATE_MIN)};
        double[] hi = {
            Math.log(ParameterBounds.MU_MAX_FACTOR), ParameterBounds.ALPHA_MAX, Math.log(ParameterBounds.RATE_MAX)
        };
        ToDoubleFunction<double[]> f = v -> CadenceLikelihood.logLikelihood(data, hawkesParameters(v, rate));
        List<double[]> starts = new ArrayList<>();
        starts.add(new double[] {0, 0, Math.log(1.0 / 30)}); // the Poisson optimum, nested
        for (double alpha0 : new double[] {0.2, 0.5}) {
            for (double beta0 : new double[] {2.0, 1.0 / 14, 1.0 / 180}) {
                starts.add(new double[] {Math.log(1 - alpha0), alpha0, Math.log(beta0)});
            }
        }
        Function<double[], double[]> gradient = v -> {
            CadenceParameters p = hawkesParameters(v, rate);
            LikelihoodValue g = CadenceLikelihood.logLikelihoodAndGradient(data, p);
            return new double[] {g.dMu() * p.mu(), g.dAlpha(), g.dBeta() * p.beta()};
        };
        return optimiseFromStarts(f, starts, lo, hi, gradient, options, budget, true);
    }

    private static CadenceParameters hawkesParameters(double[] v, double rate) {
        return new CadenceParameters(
                rate * Math.exp(v[0]), 0, clampAlpha(v[1]), Math.exp(v[2]), 1.0 / NOMINAL_LAG_DAYS, 1);
    }

    // ---- Full model: v = (ln(mu T / n), ln(1 + kappa W), alpha, ln beta, ln delta)

    private static Optimum fitFull(
            CadenceData data, int k, double rate, double weight, Optimum hawkes, FitOptions options, Budget budget) {
        int n = data.eventCount();
        double[] lo = {
            Math.log(ParameterBounds.MU_MIN_FACTOR),
            0,
            0,
            Math.log(ParameterBounds.RATE_MIN),
            Math.log(ParameterBounds.RATE_MIN)
        };
        double[] hi = {
            Math.log(ParameterBounds.MU_MAX_FACTOR),
            Math.log1p(ParameterBounds.KAPPA_MAX_FACTOR * n),
            ParameterBounds.ALPHA_MAX,
            Math.log(ParameterBounds.RATE_MAX),
            Math.log(ParameterBounds.RATE_MAX)
        };
        ToDoubleFunction<double[]> f =
                v -> CadenceLikelihood.logLikelihood(data, fullParameters(v, k, rate, data.windowEnd(), weight));
        List<double[]> starts = new ArrayList<>();
        // the Hawkes optimum with kappa = 0: the fit keeps it unless something beats it, so the full model is
        // never worse than its nested baseline
        starts.add(new double[] {hawkes.v[0], 0, hawkes.v[1], hawkes.v[2], Math.log(k / NOMINAL_LAG_DAYS)});
        // then, for each response lag on a grid, the Hawkes optimum with kappa profiled out (log L is concave
        // in kappa): the lag is where the likelihood has several local maxima, so the starts span it
        starts.addAll(Arrays.stream(START_LAGS_DAYS)
                .parallel()
                .mapToObj(lag -> {
                    double lnDelta = Math.min(hi[4], Math.max(lo[4], Math.log(k / lag)));
                    double[] v = {hawkes.v[0], 0, hawkes.v[1], hawkes.v[2], lnDelta};
                    v[1] = profileKappa(f, v, hi[1], budget);
                    return v;
                })
                .toList());
        Function<double[], double[]> gradient = v -> {
            CadenceParameters p = fullParameters(v, k, rate, data.windowEnd(), weight);
            LikelihoodValue g = CadenceLikelihood.logLikelihoodAndGradient(data, p);
            double dKappaDv = Math.exp(Math.max(0, v[1])) / weight;
            return new double[] {
                g.dMu() * p.mu(), g.dKappa() * dKappaDv, g.dAlpha(), g.dBeta() * p.beta(), g.dDelta() * p.delta()
            };
        };
        return optimiseFromStarts(f, starts, lo, hi, gradient, options, budget, false);
    }

    // Maximises over v1 = ln(1 + kappa W) with the other coordinates fixed (Brent on a concave function).
    private static double profileKappa(ToDoubleFunction<double[]> f, double[] v, double upper, Budget budget) {
        if (budget.hit) {
            return 0;
        }
        double[] point = v.clone();
        UnivariateObjectiveFunction g = new UnivariateObjectiveFunction(x -> {
            budget.check();
            budget.count(1);
            point[1] = x;
            return safe(f.applyAsDouble(point));
        });
        try {
            return new BrentOptimizer(1e-3, 1e-3)
                    .optimize(new MaxEval(200), g, GoalType.MAXIMIZE, new SearchInterval(0, upper, 1.0))
                    .getPoint();
        } catch (DeadlineReached | TooManyEvaluationsException e) {
            return 0;
        }
    }

    private static CadenceParameters fullParameters(double[] v, int k, double rate, double windowEnd, double weight) {
        double kappa = weight > 0 ? Math.expm1(Math.max(0, v[1])) / weight : 0;
        return new CadenceParameters(rate * Math.exp(v[0]), kappa, clampAlpha(v[2]), Math.exp(v[3]), Math.exp(v[4]), k);
    }

    private static double clampAlpha(double alpha) {
        return Math.min(ParameterBounds.ALPHA_MAX, Math.max(0, alpha));
    }

    // ---- optimisation

    private static Optimum optimiseFromStarts(
            ToDoubleFunction<double[]> f,
            List<double[]> candidates,
            double[] lo,
            double[] hi,
            Function<double[], double[]> gradient,
            FitOptions options,
            Budget budget,
            boolean alwaysRunFirst) {
        // rank the candidates by their log-likelihood; the first (nested) one runs first when asked
        int count = candidates.size();
        double[] values = new double[count];
        Integer[] order = new Integer[count - 1];
        for (int c = 0; c < count; c++) {
            double[] clamped = clamp(candidates.get(c), lo, hi);
            candidates.set(c, clamped);
            values[c] = safe(f.applyAsDouble(clamped));
            budget.count(1);
            if (c > 0) {
                order[c - 1] = c;
            }
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -values[c]).thenComparingInt(c -> c));
        List<Integer> runs = new ArrayList<>();
        if (alwaysRunFirst) {
            runs.add(0);
        }
        for (int r = 0; runs.size() < options.starts() && r < order.length; r++) {
            runs.add(order[r]);
        }
        // coarse search from each start (independent runs, side by side), then polish the best one; the
        // results are compared in run order, so the outcome does not depend on scheduling
        List<Optimum> coarse = runs.stream()
                .parallel()
                .map(c -> bobyqa(
                        f,
                        candidates.get(c),
                        lo,
                        hi,
                        INITIAL_RADIUS,
                        COARSE_RADIUS,
                        options.maxEvaluationsPerStart(),
                        budget))
                .toList();
        Optimum best = new Optimum(candidates.get(0), values[0], false);
        for (int r = 0; r < runs.size(); r++) {
            Optimum o = coarse.get(r);
            if (o.value > best.value || (runs.get(r) == 0 && o.value == best.value)) {
                best = o;
            }
        }
        if (!budget.hit) {
            Optimum polished = newton(f, gradient, best, lo, hi, budget);
            if (polished == null) { // no usable curvature: fall back to a fine BOBYQA run
                polished = bobyqa(
                        f, best.v, lo, hi, POLISH_RADIUS, STOPPING_RADIUS, options.maxEvaluationsPerStart(), budget);
            }
            if (polished.value >= best.value) {
                best = polished;
            } else {
                best = new Optimum(best.v, best.value, polished.converged);
            }
        } else {
            best = new Optimum(best.v, best.value, false);
        }
        return best;
    }

    /**
     * Newton steps in v with the analytic gradient and a Hessian from central differences of it, on the
     * coordinates not held at a bound, with step halving so that log L never decreases. Returns null when the
     * curvature is not negative definite (the caller then polishes with BOBYQA).
     */
    private static Optimum newton(
            ToDoubleFunction<double[]> f,
            Function<double[], double[]> gradient,
            Optimum start,
            double[] lo,
            double[] hi,
            Budget budget) {
        int d = start.v.length;
        double[] v = start.v.clone();
        double value = start.value;
        try {
            for (int iteration = 0; iteration < NEWTON_ITERATIONS; iteration++) {
                budget.check();
                double[] g = gradient.apply(v);
                budget.count(1);
                int[] free = new int[d];
                int nf = 0;
                for (int q = 0; q < d; q++) {
                    boolean pinnedLow = v[q] - lo[q] <= BOUND_TOLERANCE && g[q] <= 0;
                    boolean pinnedHigh = hi[q] - v[q] <= BOUND_TOLERANCE && g[q] >= 0;
                    if (!pinnedLow && !pinnedHigh) {
                        free[nf++] = q;
                    }
                }
                if (nf == 0) {
                    return new Optimum(v, value, true);
                }
                RealMatrix negHessian = new Array2DRowRealMatrix(nf, nf);
                for (int b = 0; b < nf; b++) {
                    int q = free[b];
                    double up = Math.min(hi[q], v[q] + NEWTON_STEP);
                    double down = Math.max(lo[q], v[q] - NEWTON_STEP);
                    double[] vUp = v.clone();
                    double[] vDown = v.clone();
                    vUp[q] = up;
                    vDown[q] = down;
                    budget.check();
                    double[] gUp = gradient.apply(vUp);
                    double[] gDown = gradient.apply(vDown);
                    budget.count(2);
                    for (int a = 0; a < nf; a++) {
                        negHessian.addToEntry(a, b, -0.5 * (gUp[free[a]] - gDown[free[a]]) / (up - down));
                        negHessian.addToEntry(b, a, -0.5 * (gUp[free[a]] - gDown[free[a]]) / (up - down));
                    }
                }
                double[] rhs = new double[nf];
                for (int a = 0; a < nf; a++) {
                    rhs[a] = g[free[a]];
                }
                double[] step;
                try {
                    step = new CholeskyDecomposition(negHessian, 1e-8, 0.0)
                            .getSolver()
                            .solve(new ArrayRealVector(rhs, false))
                            .toArray();
                } catch (MathIllegalArgumentException e) {
                    return iteration == 0 ? null : new Optimum(v, value, false);
                }
                double scale = 1.0;
                boolean improved = false;
                double largest = 0;
                for (int halving = 0; halving < 12 && !improved; halving++, scale *= 0.5) {
                    double[] trial = v.clone();
                    largest = 0;
                    for (int a = 0; a < nf; a++) {
                        int q = free[a];
                        trial[q] = Math.min(hi[q], Math.max(lo[q], v[q] + scale * step[a]));
                        largest = Math.max(largest, Math.abs(trial[q] - v[q]));
                    }
                    budget.check();
                    double trialValue = safe(f.applyAsDouble(trial));
                    budget.count(1);
                    if (trialValue >= value) {
                        improved = trialValue > value;
                        v = trial;
                        value = trialValue;
                        if (!improved) {
                            return new Optimum(v, value, true);
                        }
                    }
                }
                if (!improved || largest < NEWTON_TOLERANCE) {
                    return new Optimum(v, value, true);
                }
            }
            return new Optimum(v, value, true);
        } catch (DeadlineReached e) {
            return new Optimum(v, value, false);
        }
    }

    private static Optimum bobyqa(
            ToDoubleFunction<double[]> f,
            double[] start,
            double[] lo,
            double[] hi,
            double initialRadius,
            double stoppingRadius,
            int maxEval,
            Budget budget) {
        double[] bestPoint = start.clone();
        double[] bestValue = {Double.NEGATIVE_INFINITY};
        ObjectiveFunction objective = new ObjectiveFunction(v -> {
            budget.check();
            double value = safe(f.applyAsDouble(v));
            budget.count(1);
            if (value > bestValue[0]) {
                bestValue[0] = value;
                System.arraycopy(v, 0, bestPoint, 0, v.length);
            }
            return value;
        });
        boolean converged;
        try {
            new BOBYQAOptimizer(2 * start.length + 1, initialRadius, stoppingRadius)
                    .optimize(
                            new MaxEval(maxEval),
                            objective,
                            GoalType.MAXIMIZE,
                            new InitialGuess(start),
                            new SimpleBounds(lo, hi));
            converged = true;
        } catch (DeadlineReached e) {
            converged = false;
        } catch (TooManyEvaluationsException e) {
            converged = false;
        } catch (MathIllegalStateException e) {
            converged = false;
        }
        return new Optimum(bestPoint, bestValue[0], converged);
    }

    private static double safe(double value) {
        return Double.isNaN(value) ? -Double.MAX_VALUE : Math.max(value, -Double.MAX_VALUE);
    }

    private static double[] clamp(double[] v, double[] lo, double[] hi) {
        double[] out = new double[v.length];
        for (int q = 0; q < v.length; q++) {
            out[q] = Math.min(hi[q], Math.max(lo[q], v[q]));
        }
        return out;
    }

    private static LikelihoodRatioTest lrTest(
            String nullModel, String alternative, double halfStatistic, int df, String caveat) {
        double statistic = Math.max(0.0, 2.0 * halfStatistic);
        double p = statistic == 0 ? 1.0 : new ChiSquaredDistribution(null, df).cumulativeProbability(statistic);
        double pValue = statistic == 0 ? 1.0 : 1.0 - p;
        return new LikelihoodRatioTest(nullModel, alternative, statistic, df, pValue, caveat);
    }

    // ---- standard errors from the observed information

    private static List<List<Double>> toLists(double[][] matrix) {
        List<List<Double>> rows = new ArrayList<>(matrix.length);
        for (double[] row : matrix) {
            rows.add(Arrays.stream(row).boxed().toList());
        }
        return List.copyOf(rows);
    }

    private static List<ParameterEstimate> estimates(
            CadenceData data,
            CadenceParameters p,
            double[] v,
            double rate,
            double weight,
            boolean hasSanctions,
            double[][] correlation) {
        double[] theta = {p.mu(), p.kappa(), p.alpha(), p.beta(), p.delta()};
        String[] reason = new String[5];
        int n = data.eventCount();
        double kappaMax = hasSanctions ? ParameterBounds.KAPPA_MAX_FACTOR * rate * data.windowEnd() / weight : 0;
        double[] lowerBound = {
            ParameterBounds.MU_MIN_FACTOR * rate, 0, 0, ParameterBounds.RATE_MIN, ParameterBounds.RATE_MIN
        };
        double[] upperBound = {
            ParameterBounds.MU_MAX_FACTOR * rate,
            kappaMax,
            ParameterBounds.ALPHA_MAX,
            ParameterBounds.RATE_MAX,
            ParameterBounds.RATE_MAX
        };
        double[] vLo = {
            Math.log(ParameterBounds.MU_MIN_FACTOR),
            0,
            0,
            Math.log(ParameterBounds.RATE_MIN),
            Math.log(ParameterBounds.RATE_MIN)
        };
        double[] vHi = {
            Math.log(ParameterBounds.MU_MAX_FACTOR),
            Math.log1p(ParameterBounds.KAPPA_MAX_FACTOR * n),
            ParameterBounds.ALPHA_MAX,
            Math.log(ParameterBounds.RATE_MAX),
            Math.log(ParameterBounds.RATE_MAX)
        };
        if (!hasSanctions) {
            reason[1] = "no sanction with positive weight before the window end: kappa is not identifiable";
            reason[4] = "no sanction with positive weight before the window end: delta is not identifiable";
        }
        for (int q = 0; q < 5; q++) {
            if (reason[q] != null) {
                continue;
            }
            if (v[q] - vLo[q] <= BOUND_TOLERANCE) {
                reason[q] = "at the lower bound " + lowerBound[q] + "; standard error not defined there";
            } else if (vHi[q] - v[q] <= BOUND_TOLERANCE) {
                reason[q] = "at the upper bound " + upperBound[q] + "; standard error not defined there";
            }
        }
        if (theta[1] == 0 && reason[4] == null) {
            reason[4] = "not identified when kappa is at 0 (no sanctions effect to time)";
        }
        if (reason[2] != null && reason[3] == null && theta[2] <= BOUND_TOLERANCE) {
            reason[3] = "not identified when alpha is at 0 (no self-excitation to time)";
        }
        int[] free = new int[5];
        int nf = 0;
        for (int q = 0; q < 5; q++) {
            if (reason[q] == null) {
                free[nf++] = q;
            }
        }
        double[] se = new double[5];
        Arrays.fill(se, Double.NaN);
        for (double[] row : correlation) {
            Arrays.fill(row, Double.NaN);
        }
        if (nf > 0) {
            double[][] hessian = hessian(data, p, theta, free, nf);
            RealMatrix info = new Array2DRowRealMatrix(nf, nf);
            for (int a = 0; a < nf; a++) {
                for (int b = 0; b < nf; b++) {
                    info.setEntry(a, b, -0.5 * (hessian[a][b] + hessian[b][a]));
                }
            }
            try {
                RealMatrix cov =
                        new CholeskyDecomposition(info, 1e-8, 0.0).getSolver().getInverse();
                for (int a = 0; a < nf; a++) {
                    double var = cov.getEntry(a, a);
                    se[free[a]] = var > 0 && Double.isFinite(var) ? Math.sqrt(var) : Double.NaN;
                }
                for (int a = 0; a < nf; a++) {
                    for (int b = 0; b < nf; b++) {
                        correlation[free[a]][free[b]] = cov.getEntry(a, b) / (se[free[a]] * se[free[b]]);
                    }
                }
            } catch (MathIllegalArgumentException e) {
                for (int a = 0; a < nf; a++) {
                    reason[free[a]] =
                            "observed information is not positive definite: not identified from these" + " data";
                }
            }
        }
        List<ParameterEstimate> out = new ArrayList<>(5);
        for (int q = 0; q < 5; q++) {
            double lower = Double.NaN;
            double upper = Double.NaN;
            if (reason[q] == null && Double.isNaN(se[q])) {
                reason[q] = "observed information gives no finite variance: not identified from these data";
            }
            if (reason[q] == null) {
                if (q == 1 || q == 2) {
                    lower = Math.max(lowerBound[q], theta[q] - Z95 * se[q]);
                    upper = Math.min(upperBound[q], theta[q] + Z95 * se[q]);
                } else {
                    double spread = Z95 * se[q] / theta[q];
                    lower = theta[q] * Math.exp(-spread);
                    upper = theta[q] * Math.exp(spread);
                }
                if (se[q] > theta[q]) {
                    reason[q] = "standard error exceeds the estimate: weakly identified";
                }
            }
            out.add(new ParameterEstimate(
                    NAMES[q], theta[q], se[q], lower, upper, reason[q] == null, reason[q] == null ? "" : reason[q]));
        }
        return out;
    }

    // Central differences of the analytic gradient over the free coordinates (natural scale).
    private static double[][] hessian(CadenceData data, CadenceParameters p, double[] theta, int[] free, int nf) {
        double[][] h = new double[nf][nf];
        for (int b = 0; b < nf; b++) {
            int q = free[b];
            double step = 1e-5 * theta[q];
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[q] += step;
            down[q] -= step;
            double[] gUp = CadenceLikelihood.logLikelihoodAndGradient(data, at(up, p.shape()))
                    .gradient();
            double[] gDown = CadenceLikelihood.logLikelihoodAndGradient(data, at(down, p.shape()))
                    .gradient();
            for (int a = 0; a < nf; a++) {
                h[a][b] = (gUp[free[a]] - gDown[free[a]]) / (2 * step);
            }
        }
        return h;
    }

    private static CadenceParameters at(double[] theta, int shape) {
        return new CadenceParameters(theta[0], theta[1], theta[2], theta[3], theta[4], shape);
    }

    private static final class Budget {
        final long deadline;
        final AtomicLong evaluations = new AtomicLong();
        volatile boolean hit;

        Budget(long deadline) {
            this.deadline = deadline;
        }

        void check() {
            if (hit || System.nanoTime() - deadline > 0) {
                hit = true;
                throw new DeadlineReached();
            }
        }

        void count(long passes) {
            evaluations.addAndGet(passes);
        }
    }

    private static final class DeadlineReached extends RuntimeException {
        DeadlineReached() {
            super("fit deadline reached", null, false, false);
        }
    }

    private record Optimum(double[] v, double value, boolean converged) {}
}
