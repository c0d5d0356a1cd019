package io.sanctionsrisk.cadence.scenario;

/**
 * The loss of one simulated heist: zero with probability 1 - probabilityPositive, otherwise lognormal, ln X ~
 * N(muLog, sigmaLog^2) (the snapshot's severity fit, MODEL.md "Marks").
 */
public record LossModel(double probabilityPositive, double muLog, double sigmaLog) {

    public LossModel {
        if (!(probabilityPositive >= 0 && probabilityPositive <= 1)) {
            throw new IllegalArgumentException("probabilityPositive must be in [0, 1], got " + probabilityPositive);
        }
        if (!Double.isFinite(muLog)) {
            throw new IllegalArgumentException("muLog must be finite, got " + muLog);
        }
        if (!Double.isFinite(sigmaLog) || sigmaLog < 0) {
            throw new IllegalArgumentException("sigmaLog must be finite and >= 0, got " + sigmaLog);
        }
    }

    /** E[X] = P(X > 0) exp(muLog + sigmaLog^2 / 2). */
    public double mean() {
        return probabilityPositive * Math.exp(muLog + 0.5 * sigmaLog * sigmaLog);
    }
}
