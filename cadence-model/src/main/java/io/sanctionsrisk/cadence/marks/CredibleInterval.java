package io.sanctionsrisk.cadence.marks;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * A credible interval that contains the served point (MODEL.md, "Intervals that contain the point"). Among the
 * intervals [q(p), q(p + level)] of the posterior quantile function q, it takes the one closest to equal-tailed (p
 * nearest (1 - level) / 2) whose probability range [p, p + level] contains F(point). So it is equal-tailed whenever
 * that contains the point, keeps its probability {@code level} otherwise, and a point in a long thin tail (the mean
 * of an empty cell's share lies above its 95% quantile) still lies inside. Quantiles of draws are the ceil(p n)-th
 * smallest; should the point still lie outside (a point outside the draws' range), the bound nearest to it moves to
 * it, and {@link #extended()} says so.
 */
public record CredibleInterval(double level, double lower, double upper, boolean extended) {

    public CredibleInterval {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("interval bounds must be ordered, got " + lower + " > " + upper);
        }
    }

    public boolean contains(double x) {
        return lower <= x && x <= upper;
    }

    /** The interval of a Beta(a, b) posterior that contains {@code point}. */
    public static CredibleInterval ofBeta(double a, double b, double point, double level) {
        checkLevel(level);
        if (!(b > 0)) { // all mass at 1
            return new CredibleInterval(level, Math.min(1, point), Math.max(1, point), point != 1);
        }
        BetaDistribution beta = new BetaDistribution(null, a, b, 1e-14);
        double p = lowerTail(beta.cumulativeProbability(point), level);
        double lower = beta.inverseCumulativeProbability(p);
        double upper = beta.inverseCumulativeProbability(Math.min(1, p + level));
        return around(level, lower, upper, point);
    }

    /** The interval of a sample of draws (sorted in place) that contains {@code point}. */
    public static CredibleInterval ofDraws(double[] draws, double point, double level) {
        checkLevel(level);
        if (draws == null || draws.length == 0) {
            throw new IllegalArgumentException("at least one draw is required");
        }
        Arrays.sort(draws);
        int n = draws.length;
        int below = 0; // draws <= point
        while (below < n && draws[below] <= point) {
            below++;
        }
        double p = lowerTail((double) below / n, level);
        double lower = draws[quantileIndex(p, n)];
        double upper = draws[quantileIndex(Math.min(1, p + level), n)];
        return around(level, lower, upper, point);
    }

    /** The interval mapped through a non-decreasing function (bounds map to bounds). */
    public CredibleInterval map(java.util.function.DoubleUnaryOperator increasing) {
        return new CredibleInterval(level, increasing.applyAsDouble(lower), increasing.applyAsDouble(upper), extended);
    }

    // the lower tail probability p in [max(0, u - level), min(u, 1 - level)] nearest (1 - level) / 2
    private static double lowerTail(double u, double level) {
        double equalTail = (1 - level) / 2;
        double lo = Math.max(0, u - level);
        double hi = Math.min(u, 1 - level);
        return Math.max(lo, Math.min(hi, equalTail));
    }

    private static CredibleInterval around(double level, double lower, double upper, double point) {
        // quantile solvers are accurate to 1e-14: a point that far outside is at the bound, not beyond it
        double slack = 1e-14 + 1e-9 * Math.abs(point);
        boolean extended = point < lower - slack || point > upper + slack;
        return new CredibleInterval(level, Math.min(lower, point), Math.max(upper, point), extended);
    }

    // the ceil(p n)-th smallest, 0-based: the inverse of the empirical distribution function
    static int quantileIndex(double p, int n) {
        return Math.max(0, Math.min(n - 1, (int) Math.ceil(p * n - 1e-9) - 1));
    }

    private static void checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("credible level must be in (0, 1), got " + level);
        }
    }
}
