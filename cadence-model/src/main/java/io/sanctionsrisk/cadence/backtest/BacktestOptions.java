package io.sanctionsrisk.cadence.backtest;

import io.sanctionsrisk.cadence.fit.FitOptions;

/**
 * How to backtest.
 *
 * @param fit how each origin's training data are fitted (kernel shape given or chosen by AIC, time budget)
 * @param knownFutureSanctions whether sanctions that take effect inside a prediction window are known to the
 *     prediction (conditional forecast, as a what-if scenario would use) or not (a forecast made at the origin)
 * @param intervalPaths forward simulations per origin and model for the 90% count intervals
 * @param seed seed of those simulations
 */
public record BacktestOptions(FitOptions fit, boolean knownFutureSanctions, int intervalPaths, long seed) {

    public static final int MIN_INTERVAL_PATHS = 100;
    public static final int MAX_INTERVAL_PATHS = 100_000;

    public BacktestOptions {
        if (fit == null) {
            throw new IllegalArgumentException("fit options are required");
        }
        if (intervalPaths < MIN_INTERVAL_PATHS || intervalPaths > MAX_INTERVAL_PATHS) {
            throw new IllegalArgumentException("intervalPaths must be between " + MIN_INTERVAL_PATHS + " and "
                    + MAX_INTERVAL_PATHS + ", got " + intervalPaths);
        }
    }
}
