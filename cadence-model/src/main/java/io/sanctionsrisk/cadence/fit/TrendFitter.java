package io.sanctionsrisk.cadence.fit;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceLikelihood;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.TrendLikelihoodValue;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Fits the full model with a log-linear baseline trend for the kernel shape of a stationary fit. Search: for each
 * gamma on a fixed grid, the concave profile ({@link ProfileSolver}) over a grid of (ln beta, ln delta); the best
 * cell of each gamma and the stationary optimum with gamma = 0 (so the trend fit is never worse than the
 * stationary one) are polished in six dimensions ({@link Polisher}).
 */
public final class TrendFitter {

    /** |gamma| at most 10: the baseline may change by a factor up to e^10 over the window. */
    public static final double GAMMA_MAX = 10;

    private static final double[] GAMMA_GRID = {-6, -4, -2, -1, 1, 2, 4, 6};

    private TrendFitter() {}

    /** The trend model for {@code data} with the shape of {@code stationary}, a fit of the same data. */
    public static TrendFit fit(CadenceData data, CadenceFit stationary, FitOptions options) {
        if (data == null || stationary == null || options == null) {
            throw new IllegalArgumentException("data, the stationary fit and options are required");
        }
        if (data.eventCount() != stationary.eventCount()) {
            throw new IllegalArgumentException("the stationary fit is not a fit of these data");
        }
        int k = stationary.parameters().shape();
        FitSpace space = new FitSpace(data);
        Budget budget = new Budget(System.nanoTime() + options.budget().toNanos());
        double[] lo = append(space.fullLower(), -GAMMA_MAX);
        double[] hi = append(space.fullUpper(), GAMMA_MAX);
        Polisher polisher = new Polisher(
                v -> CadenceLikelihood.logLikelihood(data, space.full(v, k), v[5]),
                v -> gradient(space, v, k),
                lo,
                hi,
                budget,
                options.maxEvaluationsPerStart());
        CadenceParameters p = stationary.parameters();
        List<double[]> starts = new ArrayList<>();
        starts.add(append(space.fullCoordinates(p.mu(), p.kappa(), p.alpha(), p.beta(), p.delta()), 0));
        try {
            starts.addAll(gridStarts(space, k, budget));
        } catch (Budget.DeadlineReached e) {
            // polish the stationary start only
        }
        List<Optimum> polished = starts.parallelStream().map(polisher::polish).toList();
        Optimum best = polished.get(0);
        for (Optimum o : polished) { // start order breaks ties: the stationary start first
            if (o.value() > best.value()) {
                best = o;
            }
        }
        double top = best.value();
        int agreeing = (int) polished.stream()
                .filter(o -> o.value() >= top - GlobalSearch.AGREEMENT)
                .count();
        double ll = best.value();
        double aic = 2.0 * 6 - 2.0 * ll;
        double statistic = Math.max(0, 2 * (ll - stationary.logLikelihood()));
        double pValue = statistic == 0 ? 1.0 : 1 - new ChiSquaredDistribution(null, 1).cumulativeProbability(statistic);
        boolean converged = !budget.hit() && best.kkt() <= Polisher.KKT_TOLERANCE && agreeing >= 2;
        return new TrendFit(
                space.full(best.v(), k),
                best.v()[5],
                ll,
                aic,
                stationary.logLikelihood(),
                stationary.aic(),
                aic - stationary.aic(),
                pValue,
                starts.size(),
                agreeing,
                best.kkt(),
                converged,
                budget.hit());
    }

    // For each gamma on the grid, the best cell of the concave profile over (ln beta, ln delta).
    private static List<double[]> gridStarts(FitSpace space, int k, Budget budget) {
        int side = GlobalSearch.gridSide(space.n) / 2 + 1;
        double[] lnRates = GlobalSearch.line(side);
        List<ProfileColumns.Column> excitation = IntStream.range(0, side)
                .parallel()
                .mapToObj(a -> ProfileColumns.excitation(space.data, Math.exp(lnRates[a])))
                .toList();
        List<ProfileColumns.Column> sanctions = IntStream.range(0, side)
                .parallel()
                .mapToObj(b -> ProfileColumns.sanctions(space.data, Math.exp(lnRates[b]), k))
                .toList();
        double[] natLo = space.naturalLower();
        double[] natHi = space.naturalUpper();
        return IntStream.range(0, GAMMA_GRID.length)
                .parallel()
                .mapToObj(g -> {
                    ProfileColumns.Column base = ProfileColumns.trendBaseline(space.data, GAMMA_GRID[g]);
                    double bestValue = Double.NEGATIVE_INFINITY;
                    double[] bestStart = null;
                    for (int a = 0; a < side; a++) {
                        double[] start = {0.5 * space.rate, 0, 0.1};
                        for (int b = 0; b < side; b++) {
                            budget.check();
                            ProfileSolver.Solution s = new ProfileSolver(
                                            new double[][] {
                                                base.values(),
                                                sanctions.get(b).values(),
                                                excitation.get(a).values()
                                            },
                                            new double[] {
                                                base.mass(),
                                                sanctions.get(b).mass(),
                                                excitation.get(a).mass()
                                            },
                                            new double[] {natLo[0], 0, 0},
                                            new double[] {natHi[0], natHi[1], natHi[2]})
                                    .solve(start);
                            budget.count(s.iterations());
                            start = s.theta();
                            if (s.value() > bestValue) {
                                bestValue = s.value();
                                double[] th = s.theta();
                                bestStart = append(
                                        space.fullCoordinates(
                                                th[0], th[1], th[2], Math.exp(lnRates[a]), Math.exp(lnRates[b])),
                                        GAMMA_GRID[g]);
                            }
                        }
                    }
                    return bestStart;
                })
                .toList();
    }

    private static double[] gradient(FitSpace space, double[] v, int k) {
        CadenceParameters p = space.full(v, k);
        TrendLikelihoodValue t = CadenceLikelihood.logLikelihoodAndGradient(space.data, p, v[5]);
        return append(space.toCoordinates(t.value(), p, v), t.dGamma());
    }

    private static double[] append(double[] v, double x) {
        double[] out = java.util.Arrays.copyOf(v, v.length + 1);
        out[v.length] = x;
        return out;
    }
}
