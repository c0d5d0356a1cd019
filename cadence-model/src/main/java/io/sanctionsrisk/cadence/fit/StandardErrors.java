package io.sanctionsrisk.cadence.fit;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceLikelihood;
import io.sanctionsrisk.cadence.CadenceParameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Standard errors from the observed information (MODEL.md, "Standard errors and identification"): minus the
 * Hessian of log L in (mu, kappa, alpha, beta, delta) by central differences of the analytic gradient, over the
 * parameters not held at a bound, inverted by Cholesky; Wald intervals and identification flags.
 */
final class StandardErrors {

    static final String[] NAMES = {"mu", "kappa", "alpha", "beta", "delta"};
    private static final double Z95 = 1.959963984540054;
    private static final double BOUND_TOLERANCE = FitSpace.BOUND_TOLERANCE;

    private StandardErrors() {}

    static List<List<Double>> toLists(double[][] matrix) {
        List<List<Double>> rows = new ArrayList<>(matrix.length);
        for (double[] row : matrix) {
            rows.add(Arrays.stream(row).boxed().toList());
        }
        return List.copyOf(rows);
    }

    /** Estimates of the full model at {@code p} (coordinates {@code v}); fills {@code correlation} (5 x 5). */
    static List<ParameterEstimate> estimates(FitSpace space, CadenceParameters p, double[] v, double[][] correlation) {
        CadenceData data = space.data;
        boolean hasSanctions = space.hasSanctions;
        double[] theta = {p.mu(), p.kappa(), p.alpha(), p.beta(), p.delta()};
        String[] reason = new String[5];
        double[] lowerBound = space.naturalLower();
        double[] upperBound = space.naturalUpper();
        double[] vLo = space.fullLower();
        double[] vHi = space.fullUpper();
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
}
