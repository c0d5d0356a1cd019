package io.sanctionsrisk.cadence.backtest;

/**
 * The paired difference of a score between two models over the same windows: the total and the mean over windows
 * of (model - against), with the standard error of the total (Newey-West with Bartlett weights over the lags at
 * which windows overlap; the plain standard error when they do not). For log scores positive favours {@code
 * model}; for Brier and RPS negative does.
 */
public record PairedDifference(
        CellBacktest.Metric metric,
        String model,
        String against,
        int windows,
        double totalDifference,
        double meanDifference,
        double standardErrorOfTotal) {}
