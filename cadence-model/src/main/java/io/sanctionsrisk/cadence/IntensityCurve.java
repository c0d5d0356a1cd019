package io.sanctionsrisk.cadence;

import java.util.ArrayList;
import java.util.List;

/** lambda(t) on a grid, decomposed into baseline, sanctions pressure and self-excitation. */
public final class IntensityCurve {

    /** Largest grid the curve evaluates in one call. */
    public static final int MAX_POINTS = 1_000_000;

    private IntensityCurve() {}

    /**
     * Evaluates the left limit lambda(x-) at each grid time x (only sanctions and events strictly before x
     * count), in O(n + m + grid) by the recursions of {@link CadenceLikelihood}. Grid times must be finite
     * and non-decreasing; they may lie outside [0, T] (beyond T the curve uses the observed events only, i.e.
     * it is conditional on no further heists). Sanctions may include ones after T, which then act at their
     * time as usual.
     */
    public static List<IntensityPoint> evaluate(CadenceData data, CadenceParameters p, double[] grid) {
        if (grid == null) {
            throw new IllegalArgumentException("grid is required");
        }
        if (grid.length > MAX_POINTS) {
            throw new IllegalArgumentException("grid of " + grid.length + " points exceeds the limit of " + MAX_POINTS);
        }
        for (int g = 0; g < grid.length; g++) {
            if (!Double.isFinite(grid[g])) {
                throw new IllegalArgumentException("grid point " + g + " is not finite: " + grid[g]);
            }
            if (g > 0 && grid[g] < grid[g - 1]) {
                throw new IllegalArgumentException("grid must be non-decreasing; point " + g + " goes back");
            }
        }
        double[] t = data.events();
        double[] s = data.sanctionTimesArray();
        double[] w = data.sanctionWeightsArray();
        int k = p.shape();
        double beta = p.beta();
        double delta = p.delta();
        double sanctionScale = p.kappa() * Math.pow(delta, k) * (k == 3 ? 0.5 : 1.0);
        double alphaBeta = p.alpha() * beta;

        List<IntensityPoint> out = new ArrayList<>(grid.length);
        double cur = Double.NEGATIVE_INFINITY;
        double e = 0;
        double m0 = 0, m1 = 0, m2 = 0;
        int i = 0;
        int j = 0;
        for (double x : grid) {
            // bring in every sanction and event strictly before x, in time order (event first on a tie)
            while (true) {
                boolean eventNext = i < t.length && t[i] < x;
                boolean sanctionNext = j < s.length && s[j] < x;
                if (!eventNext && !sanctionNext) {
                    break;
                }
                double next = eventNext && (!sanctionNext || t[i] <= s[j]) ? t[i] : s[j];
                if (cur != Double.NEGATIVE_INFINITY && next > cur) {
                    double d = next - cur;
                    e *= Math.exp(-beta * d);
                    double ed = Math.exp(-delta * d);
                    m2 = ed * (m2 + 2 * d * m1 + d * d * m0);
                    m1 = ed * (m1 + d * m0);
                    m0 = ed * m0;
                }
                cur = next;
                if (eventNext && t[i] == next) {
                    e += 1;
                    i++;
                } else {
                    m0 += w[j];
                    j++;
                }
            }
            double ex = 0;
            double a0 = 0, a1 = 0, a2 = 0;
            if (cur != Double.NEGATIVE_INFINITY) {
                double d = x - cur;
                double eb = Math.exp(-beta * d);
                double ed = Math.exp(-delta * d);
                ex = e * eb;
                a2 = ed * (m2 + 2 * d * m1 + d * d * m0);
                a1 = ed * (m1 + d * m0);
                a0 = ed * m0;
            }
            double moment = k == 1 ? a0 : (k == 2 ? a1 : a2);
            out.add(new IntensityPoint(x, p.mu(), sanctionScale * moment, alphaBeta * ex));
        }
        return List.copyOf(out);
    }

    /** An evenly spaced grid from {@code from} to {@code to} inclusive with the given step (days). */
    public static double[] grid(double from, double to, double step) {
        if (!Double.isFinite(from) || !Double.isFinite(to) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("grid bounds and step must be finite");
        }
        if (!(step > 0)) {
            throw new IllegalArgumentException("grid step must be > 0, got " + step);
        }
        if (to < from) {
            throw new IllegalArgumentException("grid end " + to + " is before its start " + from);
        }
        double count = Math.floor((to - from) / step + 1e-9) + 1;
        if (count > MAX_POINTS) {
            throw new IllegalArgumentException("grid of " + (long) count + " points exceeds " + MAX_POINTS);
        }
        double[] g = new double[(int) count];
        for (int q = 0; q < g.length; q++) {
            g[q] = from + q * step;
        }
        return g;
    }
}
