package io.sanctionsrisk.cadence.fit;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceLikelihood;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.simulation.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Posterior draws of (mu, kappa, alpha, beta, delta) by random-walk Metropolis on the O(n + m) likelihood
 * (MODEL.md, "Parameter uncertainty"). Coordinates u = (ln mu, ln kappa, logit(alpha / 0.99), ln beta, ln
 * delta); priors flat on the fitter's box ({@link ParameterDraws#PRIORS}), with the Jacobian of the transform for
 * mu, kappa and alpha. The Gaussian proposal starts from the inverse Hessian of the log posterior at the optimum
 * (its eigenvalues floored so that no step exceeds one unit of u) scaled by 2.38^2 / d; during burn-in its
 * scale adapts toward an acceptance rate of about 0.23 and, halfway, its covariance is re-estimated from the
 * chain. Each chain starts from an overdispersed point and draws from its own stream keyed by the seed and
 * the chain index, so the draws are deterministic and independent of the thread count. Without a sanction of
 * positive weight, kappa and delta are held at the fit's values.
 */
public final class ParameterSampler {

    private static final double ADAPT_WINDOW = 100;
    private static final double HESSIAN_STEP = 1e-3;
    private static final double START_SPREAD = 1.5;

    private ParameterSampler() {}

    /** Draws from the posterior around {@code optimum} (a fitted parameter vector) on {@code data}. */
    public static ParameterDraws sample(CadenceData data, CadenceParameters optimum, DrawOptions options) {
        if (data == null || optimum == null || options == null) {
            throw new IllegalArgumentException("data, parameters and draw options are required");
        }
        if (!options.enabled()) {
            return ParameterDraws.NONE;
        }
        if (data.eventCount() == 0) {
            throw new IllegalArgumentException("at least one event is required to draw parameters");
        }
        Target target = new Target(data, optimum);
        double[] centre = target.inside(target.toU(optimum));
        double[][] cholesky = proposalFactor(target, centre);
        List<Chain> chains = IntStream.range(0, options.chains())
                .parallel()
                .mapToObj(c -> run(target, centre, cholesky, options, c))
                .toList();
        List<CadenceParameters> draws = new ArrayList<>();
        long accepted = 0;
        long proposed = 0;
        for (Chain chain : chains) {
            for (double[] u : chain.kept) {
                draws.add(target.parameters(u));
            }
            accepted += chain.accepted;
            proposed += chain.proposed;
        }
        List<Double> ess = new ArrayList<>();
        List<Double> rhat = new ArrayList<>();
        for (int q = 0; q < 5; q++) {
            if (!target.active[q]) {
                ess.add(Double.NaN);
                rhat.add(Double.NaN);
                continue;
            }
            int column = target.index(q);
            double[][] traces = new double[chains.size()][];
            for (int c = 0; c < chains.size(); c++) {
                traces[c] =
                        chains.get(c).kept.stream().mapToDouble(u -> u[column]).toArray();
            }
            ess.add(ChainDiagnostics.effectiveSampleSize(traces));
            rhat.add(ChainDiagnostics.splitRhat(traces));
        }
        DrawDiagnostics diagnostics = new DrawDiagnostics(
                (double) accepted / proposed,
                ess,
                rhat,
                options.chains(),
                options.drawsPerChain(),
                options.burnIn(),
                options.thin(),
                options.seed());
        return new ParameterDraws(draws, diagnostics, ParameterDraws.PRIORS);
    }

    private record Chain(List<double[]> kept, long accepted, long proposed) {}

    private static Chain run(Target target, double[] centre, double[][] factor, DrawOptions options, int index) {
        SplittableRandom rng = RandomStreams.stream(options.seed(), index + 1L);
        int d = centre.length;
        double[][] l = factor;
        double[] u = centre.clone();
        double value = target.logDensity(u);
        for (int attempt = 0; attempt < 20; attempt++) { // an overdispersed start inside the support
            double[] trial = step(centre, l, START_SPREAD, rng);
            double tv = target.logDensity(trial);
            if (tv > Double.NEGATIVE_INFINITY) {
                u = trial;
                value = tv;
                break;
            }
        }
        double scale = 2.38 / Math.sqrt(d);
        int windowAccepted = 0;
        List<double[]> history = new ArrayList<>();
        List<double[]> kept = new ArrayList<>(options.drawsPerChain());
        long accepted = 0;
        long proposed = 0;
        int total = options.burnIn() + options.iterations();
        for (int it = 0; it < total; it++) {
            double[] trial = step(u, l, scale, rng);
            double tv = target.logDensity(trial);
            boolean accept = tv > Double.NEGATIVE_INFINITY && Math.log(rng.nextDouble()) < tv - value;
            if (accept) {
                u = trial;
                value = tv;
            }
            if (it < options.burnIn()) {
                windowAccepted += accept ? 1 : 0;
                if ((it + 1) % ADAPT_WINDOW == 0) {
                    double rate = windowAccepted / ADAPT_WINDOW;
                    scale *= rate > 0.3 ? 1.25 : rate < 0.15 ? 0.8 : 1.0;
                    windowAccepted = 0;
                }
                if (it >= options.burnIn() / 4) {
                    history.add(u.clone());
                }
                if (it == options.burnIn() / 2) {
                    double[][] empirical = empiricalFactor(history);
                    if (empirical != null) {
                        l = empirical;
                        scale = 2.38 / Math.sqrt(d);
                    }
                }
            } else {
                accepted += accept ? 1 : 0;
                proposed++;
                if ((it - options.burnIn() + 1) % options.thin() == 0) {
                    kept.add(u.clone());
                }
            }
        }
        return new Chain(kept, accepted, proposed);
    }

    private static double[] step(double[] u, double[][] l, double scale, SplittableRandom rng) {
        int d = u.length;
        double[] z = new double[d];
        for (int q = 0; q < d; q++) {
            z[q] = gaussian(rng);
        }
        double[] out = u.clone();
        for (int a = 0; a < d; a++) {
            double s = 0;
            for (int b = 0; b <= a; b++) {
                s += l[a][b] * z[b];
            }
            out[a] += scale * s;
        }
        return out;
    }

    private static double gaussian(SplittableRandom rng) { // Box-Muller, one value per call
        double u1 = 1 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    // Lower Cholesky factor of the inverse of minus the Hessian at the centre, eigenvalues floored at 1.
    private static double[][] proposalFactor(Target target, double[] centre) {
        int d = centre.length;
        double f0 = target.logDensity(centre);
        RealMatrix negHessian = new Array2DRowRealMatrix(d, d);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                double h = secondDifference(target, centre, a, b, f0);
                negHessian.setEntry(a, b, -h);
                negHessian.setEntry(b, a, -h);
            }
        }
        return factorOfInverse(negHessian);
    }

    private static double secondDifference(Target target, double[] u, int a, int b, double f0) {
        double e = HESSIAN_STEP;
        if (a == b) {
            double[] up = u.clone();
            double[] down = u.clone();
            up[a] += e;
            down[a] -= e;
            return finite((target.logDensity(up) - 2 * f0 + target.logDensity(down)) / (e * e));
        }
        double[] pp = u.clone();
        double[] pm = u.clone();
        double[] mp = u.clone();
        double[] mm = u.clone();
        pp[a] += e;
        pp[b] += e;
        pm[a] += e;
        pm[b] -= e;
        mp[a] -= e;
        mp[b] += e;
        mm[a] -= e;
        mm[b] -= e;
        return finite((target.logDensity(pp) - target.logDensity(pm) - target.logDensity(mp) + target.logDensity(mm))
                / (4 * e * e));
    }

    private static double finite(double x) {
        return Double.isFinite(x) ? x : 0;
    }

    // Covariance from the second quarter of burn-in, as a Cholesky factor; null when it is degenerate.
    private static double[][] empiricalFactor(List<double[]> history) {
        int d = history.get(0).length;
        if (history.size() < 10 * d) {
            return null;
        }
        double[] mean = new double[d];
        for (double[] u : history) {
            for (int q = 0; q < d; q++) {
                mean[q] += u[q] / history.size();
            }
        }
        RealMatrix cov = new Array2DRowRealMatrix(d, d);
        for (double[] u : history) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    cov.addToEntry(a, b, (u[a] - mean[a]) * (u[b] - mean[b]) / (history.size() - 1));
                }
            }
        }
        for (int q = 0; q < d; q++) {
            if (!(cov.getEntry(q, q) > 1e-12)) {
                return null;
            }
            cov.addToEntry(q, q, 1e-8);
        }
        return cholesky(cov);
    }

    private static double[][] factorOfInverse(RealMatrix negHessian) {
        int d = negHessian.getRowDimension();
        EigenDecomposition eigen = new EigenDecomposition(negHessian);
        RealMatrix cov = new Array2DRowRealMatrix(d, d);
        for (int e = 0; e < d; e++) {
            double lambda = Math.max(1.0, eigen.getRealEigenvalue(e));
            double[] v = eigen.getEigenvector(e).toArray();
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    cov.addToEntry(a, b, v[a] * v[b] / lambda);
                }
            }
        }
        return cholesky(cov);
    }

    private static double[][] cholesky(RealMatrix m) {
        int d = m.getRowDimension();
        double[][] l = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                double s = m.getEntry(a, b);
                for (int q = 0; q < b; q++) {
                    s -= l[a][q] * l[b][q];
                }
                if (a == b) {
                    l[a][a] = Math.sqrt(Math.max(s, 1e-12));
                } else {
                    l[a][b] = s / l[b][b];
                }
            }
        }
        return l;
    }

    /** The log posterior in the sampled coordinates. */
    private static final class Target {
        final CadenceData data;
        final CadenceParameters fixed;
        final boolean[] active;
        final double[] lo;
        final double[] hi;
        final int[] position = new int[5];

        Target(CadenceData data, CadenceParameters optimum) {
            this.data = data;
            this.fixed = optimum;
            FitSpace space = new FitSpace(data);
            double[] natLo = space.naturalLower();
            double[] natHi = space.naturalUpper();
            boolean sanctions = space.hasSanctions;
            this.active = new boolean[] {true, sanctions, true, true, sanctions};
            List<double[]> bounds = new ArrayList<>();
            int d = 0;
            for (int q = 0; q < 5; q++) {
                position[q] = active[q] ? d++ : -1;
                if (active[q]) {
                    bounds.add(new double[] {transform(q, natLo[q]), transform(q, natHi[q])});
                }
            }
            lo = bounds.stream().mapToDouble(b -> b[0]).toArray();
            hi = bounds.stream().mapToDouble(b -> b[1]).toArray();
        }

        int index(int q) {
            return position[q];
        }

        static double transform(int q, double x) {
            return switch (q) {
                case 2 -> {
                    double r = x / ParameterBounds.ALPHA_MAX;
                    yield Math.log(r / (1 - r));
                }
                default -> Math.log(x);
            };
        }

        double[] toU(CadenceParameters p) {
            double[] natural = {p.mu(), p.kappa(), p.alpha(), p.beta(), p.delta()};
            double[] u = new double[lo.length];
            for (int q = 0; q < 5; q++) {
                if (active[q]) {
                    u[position[q]] = transform(q, natural[q]);
                }
            }
            return u;
        }

        // A point strictly inside the support near u (the optimum may sit on a bound, e.g. kappa = 0).
        double[] inside(double[] u) {
            double[] out = u.clone();
            for (int a = 0; a < out.length; a++) { // an infinite bound (kappa or alpha at 0 or 0.99) counts as 30
                double low = Double.isFinite(lo[a]) ? lo[a] : Double.isFinite(hi[a]) ? hi[a] - 30 : -30;
                double high = Double.isFinite(hi[a]) ? hi[a] : low + 60;
                double margin = 1e-3 * (high - low);
                double x = Double.isFinite(out[a]) ? out[a] : out[a] > 0 ? high : low;
                out[a] = Math.min(high - margin, Math.max(low + margin, x));
            }
            return out;
        }

        CadenceParameters parameters(double[] u) {
            double[] v = {fixed.mu(), fixed.kappa(), fixed.alpha(), fixed.beta(), fixed.delta()};
            for (int q = 0; q < 5; q++) {
                if (active[q]) {
                    double x = u[position[q]];
                    v[q] = q == 2 ? ParameterBounds.ALPHA_MAX / (1 + Math.exp(-x)) : Math.exp(x);
                }
            }
            return new CadenceParameters(
                    v[0], v[1], Math.min(v[2], ParameterBounds.ALPHA_MAX), v[3], v[4], fixed.shape());
        }

        double logDensity(double[] u) {
            for (int a = 0; a < u.length; a++) {
                if (!(u[a] >= lo[a] && u[a] <= hi[a])) {
                    return Double.NEGATIVE_INFINITY;
                }
            }
            CadenceParameters p = parameters(u);
            if (!(p.alpha() > 0) || (active[1] && !(p.kappa() > 0))) {
                return Double.NEGATIVE_INFINITY;
            }
            double jacobian =
                    Math.log(p.mu()) + Math.log(p.alpha()) + Math.log1p(-p.alpha() / ParameterBounds.ALPHA_MAX);
            if (active[1]) {
                jacobian += Math.log(p.kappa());
            }
            double ll = CadenceLikelihood.logLikelihood(data, p);
            return Double.isNaN(ll) ? Double.NEGATIVE_INFINITY : ll + jacobian;
        }
    }
}
