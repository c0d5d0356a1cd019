package io.sanctionsrisk.cadence.backtest;

/**
 * A model's score over every origin: the summed out-of-sample log-likelihood, the same per observed heist (NaN
 * when no window held a heist), and the share of windows whose observed count fell inside the 90% interval.
 */
public record ModelScore(
        String model,
        double logLikelihood,
        double logLikelihoodPerEvent,
        int covered,
        int windows,
        double coverage90) {}
