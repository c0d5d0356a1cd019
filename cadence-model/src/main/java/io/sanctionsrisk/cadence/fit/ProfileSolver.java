package io.sanctionsrisk.cadence.fit;

/**
 * The likelihood with the decay rates fixed. For fixed beta and delta (and trend), lambda(t_i) = theta . x_i is
 * linear in theta = (mu, kappa, alpha) and so is the compensator theta . c, so
 *
 * <pre>
 *   log L(theta) = sum_i log(theta . x_i) - theta . c
 * </pre>
 *
 * is concave in theta: on the box of {@link ParameterBounds} it has one maximum, which projected Newton steps
 * find from any start. The columns are x_i = (baseline shape, sum_j w_j g_k(t_i - s_j), beta sum_{t_l < t_i}
 * e^{-beta (t_i - t_l)}); the search evaluates this profile on a grid of (beta, delta).
 */
final class ProfileSolver {

    private static final int MAX_ITERATIONS = 200;
    private static final double RELATIVE_TOLERANCE = 1e-13;

    private final double[][] x;
    private final double[] c;
    private final double[] lo;
    private final double[] hi;

    /** {@code x[q][i]}: column q at event i; {@code c[q]}: the compensator's coefficient of theta_q. */
    ProfileSolver(double[][] x, double[] c, double[] lo, double[] hi) {
        this.x = x;
        this.c = c;
        this.lo = lo;
        this.hi = hi;
    }

    /** The maximising theta and log L there; {@code start} must give every lambda_i > 0 (mu > 0 does). */
    Solution solve(double[] start) {
        double[] theta = start.clone();
        for (int q = 0; q < 3; q++) {
            theta[q] = Math.min(hi[q], Math.max(lo[q], theta[q]));
        }
        double value = value(theta);
        int iterations = 0;
        while (iterations < MAX_ITERATIONS) {
            iterations++;
            double[] g = new double[3];
            double[][] h = new double[3][3];
            derivatives(theta, g, h);
            int[] free = new int[3];
            int nf = 0;
            for (int q = 0; q < 3; q++) {
                boolean fixed = hi[q] <= lo[q] || (theta[q] <= lo[q] && g[q] <= 0) || (theta[q] >= hi[q] && g[q] >= 0);
                if (!fixed) {
                    free[nf++] = q;
                }
            }
            if (nf == 0) {
                break;
            }
            double[] step = step(g, h, free, nf);
            double scale = 1;
            boolean improved = false;
            for (int halving = 0; halving < 60 && !improved; halving++, scale *= 0.5) {
                double[] trial = theta.clone();
                for (int a = 0; a < nf; a++) {
                    int q = free[a];
                    trial[q] = Math.min(hi[q], Math.max(lo[q], theta[q] + scale * step[a]));
                }
                double trialValue = value(trial);
                if (trialValue > value) {
                    improved = true;
                    double gain = trialValue - value;
                    theta = trial;
                    value = trialValue;
                    if (gain <= RELATIVE_TOLERANCE * (1 + Math.abs(value))) {
                        return new Solution(theta, value, iterations);
                    }
                }
            }
            if (!improved) {
                break;
            }
        }
        return new Solution(theta, value, iterations);
    }

    double value(double[] theta) {
        double sum = 0;
        double[] x0 = x[0];
        double[] x1 = x[1];
        double[] x2 = x[2];
        for (int i = 0; i < x0.length; i++) {
            double lambda = theta[0] * x0[i] + theta[1] * x1[i] + theta[2] * x2[i];
            if (!(lambda > 0)) {
                return Double.NEGATIVE_INFINITY;
            }
            sum += Math.log(lambda);
        }
        return sum - theta[0] * c[0] - theta[1] * c[1] - theta[2] * c[2];
    }

    private void derivatives(double[] theta, double[] g, double[][] h) {
        for (int i = 0; i < x[0].length; i++) {
            double a = x[0][i];
            double b = x[1][i];
            double e = x[2][i];
            double inv = 1.0 / (theta[0] * a + theta[1] * b + theta[2] * e);
            double[] xi = {a * inv, b * inv, e * inv};
            for (int p = 0; p < 3; p++) {
                g[p] += xi[p];
                for (int q = 0; q <= p; q++) {
                    h[p][q] += xi[p] * xi[q];
                }
            }
        }
        for (int p = 0; p < 3; p++) {
            g[p] -= c[p];
            for (int q = 0; q < p; q++) {
                h[q][p] = h[p][q];
            }
        }
    }

    // Newton direction on the free coordinates: (sum x x^T / lambda^2) step = g by Cholesky, with a small ridge
    // so that a column of zeros or two proportional columns still give a direction.
    private static double[] step(double[] g, double[][] h, int[] free, int nf) {
        double trace = 0;
        for (int a = 0; a < nf; a++) {
            trace += h[free[a]][free[a]];
        }
        double ridge = 1e-12 * trace / nf + Double.MIN_NORMAL;
        double[][] l = new double[nf][nf];
        for (int a = 0; a < nf; a++) {
            for (int b = 0; b <= a; b++) {
                double sum = h[free[a]][free[b]] + (a == b ? ridge : 0);
                for (int q = 0; q < b; q++) {
                    sum -= l[a][q] * l[b][q];
                }
                if (a == b) {
                    if (!(sum > 0)) {
                        return gradientStep(g, h, free, nf);
                    }
                    l[a][a] = Math.sqrt(sum);
                } else {
                    l[a][b] = sum / l[b][b];
                }
            }
        }
        double[] y = new double[nf];
        for (int a = 0; a < nf; a++) {
            double sum = g[free[a]];
            for (int q = 0; q < a; q++) {
                sum -= l[a][q] * y[q];
            }
            y[a] = sum / l[a][a];
        }
        double[] out = new double[nf];
        for (int a = nf - 1; a >= 0; a--) {
            double sum = y[a];
            for (int q = a + 1; q < nf; q++) {
                sum -= l[q][a] * out[q];
            }
            out[a] = sum / l[a][a];
        }
        return out;
    }

    private static double[] gradientStep(double[] g, double[][] h, int[] free, int nf) {
        double[] out = new double[nf];
        for (int a = 0; a < nf; a++) {
            double d = h[free[a]][free[a]];
            out[a] = g[free[a]] / (d > 0 ? d : 1);
        }
        return out;
    }

    /** The maximiser, its log-likelihood and the Newton iterations it took. */
    record Solution(double[] theta, double value, int iterations) {}
}
