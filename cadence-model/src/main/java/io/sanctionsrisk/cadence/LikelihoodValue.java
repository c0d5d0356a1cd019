package io.sanctionsrisk.cadence;

/** The log-likelihood and its partial derivatives with respect to mu, kappa, alpha, beta and delta. */
public record LikelihoodValue(
        double logLikelihood, double dMu, double dKappa, double dAlpha, double dBeta, double dDelta) {

    /** The gradient in the order mu, kappa, alpha, beta, delta. */
    public double[] gradient() {
        return new double[] {dMu, dKappa, dAlpha, dBeta, dDelta};
    }
}
