package io.sanctionsrisk.cadence.backtest;

/**
 * The scores of one model (a totals model with a marks model) on one window: the expected total, the Poisson log
 * score of the cell counts under the cell expectations m_c = share_c x total (higher is better), the Brier score of
 * the cells' P(N >= 1) = 1 - e^-m_c summed over the cells, and for the total count the ranked probability score
 * (lower is better) and the mid PIT value (F(n - 1) + F(n)) / 2 of the predictive count distribution.
 */
public record WindowScore(
        String totals,
        String marks,
        double expectedTotal,
        double cellLogScore,
        double cellBrier,
        double totalRps,
        double totalPit) {

    public String model() {
        return CellBacktest.model(totals, marks);
    }
}
