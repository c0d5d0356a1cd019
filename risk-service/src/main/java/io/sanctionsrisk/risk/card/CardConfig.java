package io.sanctionsrisk.risk.card;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The model card's settings, under {@code risk.card.}: the backtest pass thresholds and the list's page size. */
@ConfigMapping(prefix = "risk.card")
public interface CardConfig {

    BacktestThresholds backtest();

    /** Largest page of the snapshot history. */
    @WithDefault("100")
    int maxPageSize();

    /** What a snapshot's latest stored backtest must reach for the card to say "pass". */
    interface BacktestThresholds {
        /** Fewest origins for a verdict; fewer is "inconclusive". */
        @WithDefault("3")
        int minOrigins();

        /**
         * Least share of origins whose observed count lies in the full model's 90% interval. Below 0.9 because a
         * handful of origins scatters the share widely even for a calibrated model.
         */
        @WithDefault("0.75")
        double minCoverage90();

        /**
         * Least out-of-sample log-likelihood per heist of the full model minus that of the homogeneous Poisson
         * model: 0 means the full model must predict no worse than a constant rate.
         */
        @WithDefault("0.0")
        double minGainOverPoissonPerEvent();
    }
}
