package io.sanctionsrisk.cadence.fit;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceLikelihood;
import io.sanctionsrisk.cadence.CadenceParameters;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * A brute-force reference optimum, written apart from the fitter and sharing none of its search code: Nelder-Mead
 * (which the fitter does not use) from a dense grid of starts over (alpha, beta, delta), in its own unbounded
 * coordinates (ln mu, ln kappa, logit-scaled alpha, and beta, delta mapped onto the same box by a logistic in the
 * log), each run restarted from its end point until it stops improving. Only the likelihood, checked separately
 * against the O(n^2) definition, is shared.
 */
final class DenseMultiStart {

    private static final double LN_RATE_MIN = Math.log(ParameterBounds.RATE_MIN);
    private static final double LN_RATE_MAX = Math.log(ParameterBounds.RATE_MAX);

    private DenseMultiStart() {}

    /** The best log-likelihood found for shape k from a grid of {@code side} x {@code side} x 3 starts. */
    static double best(CadenceData data, int k, int side) {
        double n = data.eventCount();
        double T = data.windowEnd();
        double W = data.effectiveSanctionWeight();
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < side; a++) {
            for (int b = 0; b < side; b++) {
                for (double alpha : new double[] {0.1, 0.5, 0.85}) {
                    double beta = Math.exp(LN_RATE_MIN + (LN_RATE_MAX - LN_RATE_MIN) * (a + 0.5) / side);
                    double delta = Math.exp(LN_RATE_MIN + (LN_RATE_MAX - LN_RATE_MIN) * (b + 0.5) / side);
                    double[] x = {
                        Math.log(0.5 * n / T),
                        Math.log(0.3 * n / W),
                        logit(alpha / ParameterBounds.ALPHA_MAX),
                        logit((Math.log(beta) - LN_RATE_MIN) / (LN_RATE_MAX - LN_RATE_MIN)),
                        logit((Math.log(delta) - LN_RATE_MIN) / (LN_RATE_MAX - LN_RATE_MIN))
                    };
                    best = Math.max(best, climb(data, k, x));
                }
            }
        }
        return best;
    }

    static CadenceParameters parameters(double[] x, int k) {
        double span = LN_RATE_MAX - LN_RATE_MIN;
        return new CadenceParameters(
                Math.exp(x[0]),
                Math.exp(x[1]),
                ParameterBounds.ALPHA_MAX * logistic(x[2]),
                Math.exp(LN_RATE_MIN + span * logistic(x[3])),
                Math.exp(LN_RATE_MIN + span * logistic(x[4])),
                k);
    }

    private static double climb(CadenceData data, int k, double[] start) {
        double[] bestPoint = start.clone();
        double[] bestValue = {Double.NEGATIVE_INFINITY};
        ObjectiveFunction f = new ObjectiveFunction(x -> {
            double value;
            try {
                value = CadenceLikelihood.logLikelihood(data, parameters(x, k));
            } catch (IllegalArgumentException e) { // mu or kappa overflowed or vanished
                return -1e300;
            }
            if (Double.isNaN(value)) {
                return -1e300;
            }
            if (value > bestValue[0]) {
                bestValue[0] = value;
                System.arraycopy(x, 0, bestPoint, 0, x.length);
            }
            return value;
        });
        double previous;
        int round = 0;
        do {
            previous = bestValue[0];
            round++;
            try {
                new SimplexOptimizer(1e-12, 1e-12)
                        .optimize(
                                new MaxEval(3000),
                                f,
                                GoalType.MAXIMIZE,
                                new InitialGuess(bestPoint.clone()),
                                new NelderMeadSimplex(new double[] {0.5, 1.0, 1.0, 1.0, 1.0}));
            } catch (TooManyEvaluationsException e) {
                // keep the best point seen and restart from it
            }
        } while (round < 8 && bestValue[0] > previous + 1e-9);
        return bestValue[0];
    }

    private static double logit(double p) {
        double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
        return Math.log(q / (1 - q));
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
