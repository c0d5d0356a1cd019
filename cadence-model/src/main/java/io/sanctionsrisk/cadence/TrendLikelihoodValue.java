package io.sanctionsrisk.cadence;

/** The log-likelihood with a log-linear baseline trend, its gradient in the five parameters and d/d gamma. */
public record TrendLikelihoodValue(LikelihoodValue value, double dGamma) {

    /** The gradient in the order mu, kappa, alpha, beta, delta, gamma. */
    public double[] gradient() {
        double[] g = value.gradient();
        return new double[] {g[0], g[1], g[2], g[3], g[4], dGamma};
    }
}
