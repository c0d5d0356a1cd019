/** Stored rolling-origin backtests (Flyway V5__backtests.sql). */
package io.sanctionsrisk.risk.backtest;
