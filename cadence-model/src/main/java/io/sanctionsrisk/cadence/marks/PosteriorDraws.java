package io.sanctionsrisk.cadence.marks;

import java.util.SplittableRandom;

/**
 * Seeded draws the mark posteriors need: gamma variates on the log scale (so Dirichlet draws with shapes far below 1,
 * an empty cell's, neither underflow nor lose their relative size), Dirichlet and Beta by normalised gammas, and
 * chi-squared. Marsaglia and Tsang (2000) for shape >= 1; for shape a < 1, G(a) = G(a + 1) U^(1/a).
 */
final class PosteriorDraws {

    private PosteriorDraws() {}

    /** log of a Gamma(shape, 1) draw. */
    static double logGamma(SplittableRandom rng, double shape) {
        if (shape < 1) {
            double u = 1 - rng.nextDouble(); // in (0, 1]
            return logGamma(rng, shape + 1) + Math.log(u) / shape;
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = rng.nextGaussian();
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1 - rng.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return Math.log(d * v);
            }
        }
    }

    /** A Dirichlet(alpha) draw into {@code out}. */
    static void dirichlet(SplittableRandom rng, double[] alpha, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < alpha.length; i++) {
            out[i] = logGamma(rng, alpha[i]);
            max = Math.max(max, out[i]);
        }
        double sum = 0;
        for (int i = 0; i < alpha.length; i++) {
            out[i] = Math.exp(out[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < alpha.length; i++) {
            out[i] /= sum;
        }
    }

    /** A Beta(a, b) draw; b <= 0 (no mass off 1) gives 1, a <= 0 gives 0. */
    static double beta(SplittableRandom rng, double a, double b) {
        if (!(b > 0)) {
            return 1;
        }
        if (!(a > 0)) {
            return 0;
        }
        double x = logGamma(rng, a);
        double y = logGamma(rng, b);
        double m = Math.max(x, y);
        double ex = Math.exp(x - m);
        return ex / (ex + Math.exp(y - m));
    }

    /** A chi-squared draw with {@code df} > 0 degrees of freedom. */
    static double chiSquared(SplittableRandom rng, double df) {
        return 2 * Math.exp(logGamma(rng, df / 2));
    }
}
