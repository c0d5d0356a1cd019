/**
 * Rolling-origin backtests of the cadence model against its two nested baselines: fit on the data up to each
 * origin, predict the next window, score against what happened. Plain Java, no framework imports.
 */
package io.sanctionsrisk.cadence.backtest;
