package io.sanctionsrisk.cadence.fit;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
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

/**
 * Local maximisation on a box from one start (MODEL.md, "Polishing"): Newton steps on the analytic gradient with
 * a Hessian from central differences of it, on the coordinates not held at a bound, with step halving so log L
 * never decreases; when the first-order conditions are not met after that, a bounded BOBYQA run and Newton
 * again. The result carries its largest first-order violation ({@link #kkt}).
 */
final class Polisher {

    /** Largest first-order violation (gradient in v) at which a point counts as a local maximum. */
    static final double KKT_TOLERANCE = 1e-3;

    private static final int NEWTON_ITERATIONS = 30;
    private static final double NEWTON_STEP = 1e-4;
    private static final double NEWTON_TOLERANCE = 1e-9;
    private static final double POLISH_RADIUS = 2e-2;
    private static final double STOPPING_RADIUS = 1e-6;

    private final ToDoubleFunction<double[]> f;
    private final Function<double[], double[]> gradient;
    private final double[] lo;
    private final double[] hi;
    private final Budget budget;
    private final int maxEvaluations;

    Polisher(
            ToDoubleFunction<double[]> f,
            Function<double[], double[]> gradient,
            double[] lo,
            double[] hi,
            Budget budget,
            int maxEvaluations) {
        this.f = f;
        this.gradient = gradient;
        this.lo = lo;
        this.hi = hi;
        this.budget = budget;
        this.maxEvaluations = maxEvaluations;
    }

    /** Polishes from {@code start}; never returns a point worse than the start. */
    Optimum polish(double[] start) {
        double[] v = FitSpace.clamp(start, lo, hi);
        Optimum best = new Optimum(v, safe(f.applyAsDouble(v)), false);
        try {
            budget.check();
            budget.count(1);
            best = newton(best);
            if (!(kkt(best.v()) <= KKT_TOLERANCE)) {
                Optimum b = bobyqa(best);
                if (b.value() >= best.value()) {
                    Optimum again = newton(b);
                    best = again.value() >= b.value() ? again : b;
                }
            }
            double violation = kkt(best.v());
            return new Optimum(best.v(), best.value(), best.converged(), violation);
        } catch (Budget.DeadlineReached e) {
            return new Optimum(best.v(), best.value(), false, Double.NaN);
        }
    }

    /**
     * The largest violation of the first-order (KKT) conditions at v: |g_q| for a free coordinate, the part of
     * the gradient pointing into the box for a coordinate at a bound.
     */
    double kkt(double[] v) {
        budget.check();
        double[] g = gradient.apply(v);
        budget.count(1);
        double worst = 0;
        for (int q = 0; q < v.length; q++) {
            double violation;
            if (v[q] - lo[q] <= FitSpace.BOUND_TOLERANCE) {
                violation = Math.max(0, g[q]);
            } else if (hi[q] - v[q] <= FitSpace.BOUND_TOLERANCE) {
                violation = Math.max(0, -g[q]);
            } else {
                violation = Math.abs(g[q]);
            }
            worst = Math.max(worst, Double.isNaN(violation) ? Double.POSITIVE_INFINITY : violation);
        }
        return worst;
    }

    private Optimum newton(Optimum start) {
        int d = start.v().length;
        double[] v = start.v().clone();
        double value = start.value();
        for (int iteration = 0; iteration < NEWTON_ITERATIONS; iteration++) {
            budget.check();
            double[] g = gradient.apply(v);
            budget.count(1);
            int[] free = new int[d];
            int nf = 0;
            for (int q = 0; q < d; q++) {
                boolean pinnedLow = v[q] - lo[q] <= FitSpace.BOUND_TOLERANCE && g[q] <= 0;
                boolean pinnedHigh = hi[q] - v[q] <= FitSpace.BOUND_TOLERANCE && g[q] >= 0;
                if (!pinnedLow && !pinnedHigh) {
                    free[nf++] = q;
                }
            }
            if (nf == 0) {
                return new Optimum(v, value, true);
            }
            double[] step = newtonStep(v, g, free, nf);
            if (step == null) {
                return new Optimum(v, value, iteration > 0);
            }
            double scale = 1.0;
            boolean improved = false;
            double largest = 0;
            for (int halving = 0; halving < 30 && !improved; halving++, scale *= 0.5) {
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
                if (trialValue > value) {
                    improved = true;
                    v = trial;
                    value = trialValue;
                }
            }
            if (!improved || largest < NEWTON_TOLERANCE) {
                return new Optimum(v, value, true);
            }
        }
        return new Optimum(v, value, true);
    }

    // Solves (-H) step = g on the free coordinates; null when -H is not positive definite there.
    private double[] newtonStep(double[] v, double[] g, int[] free, int nf) {
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
                double h = -0.5 * (gUp[free[a]] - gDown[free[a]]) / (up - down);
                negHessian.addToEntry(a, b, h);
                negHessian.addToEntry(b, a, h);
            }
        }
        double[] rhs = new double[nf];
        for (int a = 0; a < nf; a++) {
            rhs[a] = g[free[a]];
        }
        try {
            return new CholeskyDecomposition(negHessian, 1e-10, 0.0)
                    .getSolver()
                    .solve(new ArrayRealVector(rhs, false))
                    .toArray();
        } catch (MathIllegalArgumentException e) {
            return null;
        }
    }

    private Optimum bobyqa(Optimum start) {
        double[] bestPoint = start.v().clone();
        double[] bestValue = {start.value()};
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
        double[] inside = start.v().clone();
        for (int q = 0; q < inside.length; q++) { // BOBYQA needs the start at least one radius from each bound
            inside[q] = Math.min(hi[q], Math.max(lo[q], inside[q]));
        }
        boolean converged;
        try {
            new BOBYQAOptimizer(2 * inside.length + 1, POLISH_RADIUS, STOPPING_RADIUS)
                    .optimize(
                            new MaxEval(maxEvaluations),
                            objective,
                            GoalType.MAXIMIZE,
                            new InitialGuess(inside),
                            new SimpleBounds(lo, hi));
            converged = true;
        } catch (MathIllegalStateException e) {
            converged = false;
        }
        return new Optimum(bestPoint, bestValue[0], converged);
    }

    static double safe(double value) {
        return Double.isNaN(value) ? -Double.MAX_VALUE : Math.max(value, -Double.MAX_VALUE);
    }
}
