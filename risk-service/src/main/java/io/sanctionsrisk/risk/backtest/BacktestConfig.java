package io.sanctionsrisk.risk.backtest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits and defaults of rolling-origin backtests (POST /api/v1/backtests), under {@code risk.backtests.}. */
@ConfigMapping(prefix = "risk.backtests")
public interface BacktestConfig {

    /** Most origins one backtest may have; more is a 413 problem. */
    @WithDefault("40")
    int maxOrigins();

    /** Prediction window (days) when the request names none; the step defaults to the window. */
    @WithDefault("365")
    int defaultWindowDays();

    /** Longest prediction window in days; longer is a 422 problem. */
    @WithDefault("3650")
    int maxWindowDays();

    /** Forward simulations per origin and model for the 90% count intervals, when the request names none. */
    @WithDefault("2000")
    int defaultIntervalPaths();

    /** Time budget of each origin's fit. */
    @WithDefault("60s")
    Duration fitBudget();

    /** Seed of the interval simulations when the request names none (a backtest is deterministic either way). */
    @WithDefault("20240601")
    long defaultSeed();

    /** Backtests running at once on one replica; more wait up to queue-wait, then get 503. */
    @WithDefault("1")
    int maxConcurrent();

    /** How long a backtest waits for a free slot. */
    @WithDefault("10s")
    Duration queueWait();

    /** The sectors whose joint share the cell backtest scores when the request names none. */
    @WithDefault("central-bank,commercial-bank,cooperative-bank")
    java.util.List<String> groupSectors();

    /** Largest page of the list. */
    @WithDefault("100")
    int maxPageSize();
}
