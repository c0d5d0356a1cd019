package io.sanctionsrisk.cadence;

/**
 * Parameters of lambda(t) = mu + sum_{s_j < t} kappa w_j g_k(t - s_j; delta) + sum_{t_i < t} alpha beta
 * exp(-beta (t - t_i)). Rates are per day; {@code shape} is the integer gamma shape k of the sanctions
 * kernel.
 */
public record CadenceParameters(double mu, double kappa, double alpha, double beta, double delta, int shape) {

    /** Kernel shapes the model supports: 1 (exponential), 2 and 3 (delayed response). */
    public static final int MIN_SHAPE = 1;

    public static final int MAX_SHAPE = 3;

    public CadenceParameters {
        requireShape(shape);
        if (!(mu > 0) || !Double.isFinite(mu)) {
            throw new IllegalArgumentException("mu must be finite and > 0, got " + mu);
        }
        if (!(kappa >= 0) || !Double.isFinite(kappa)) {
            throw new IllegalArgumentException("kappa must be finite and >= 0, got " + kappa);
        }
        if (!(alpha >= 0) || !(alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1) for a stationary process, got " + alpha);
        }
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and > 0, got " + beta);
        }
        if (!(delta > 0) || !Double.isFinite(delta)) {
            throw new IllegalArgumentException("delta must be finite and > 0, got " + delta);
        }
    }

    /** Throws IllegalArgumentException unless {@code shape} is 1, 2 or 3. */
    public static void requireShape(int shape) {
        if (shape < MIN_SHAPE || shape > MAX_SHAPE) {
            throw new IllegalArgumentException("kernel shape must be 1, 2 or 3, got " + shape);
        }
    }

    /** Expected number of direct offspring of one heist (the branching ratio). */
    public double branchingRatio() {
        return alpha;
    }

    /** Mean lag of the sanctions response, k / delta days. */
    public double meanSanctionLag() {
        return shape / delta;
    }

    /** Mode of the sanctions response, (k - 1) / delta days (0 for the exponential kernel). */
    public double peakSanctionLag() {
        return (shape - 1) / delta;
    }

    public CadenceParameters withShape(int newShape) {
        return new CadenceParameters(mu, kappa, alpha, beta, delta, newShape);
    }
}
