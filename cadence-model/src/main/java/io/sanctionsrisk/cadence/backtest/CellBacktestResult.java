package io.sanctionsrisk.cadence.backtest;

import java.util.List;

/** The windows of a {@link CellBacktest} and the paired differences it reports by default. */
public record CellBacktestResult(List<CellWindow> windows, double lagWindows, List<PairedDifference> differences) {

    /** The paired difference of {@code metric} between any two of the backtest's models. */
    public PairedDifference difference(CellBacktest.Metric metric, String model, String against) {
        return CellBacktest.difference(windows, lagWindows, metric, model, against);
    }

    /** The sum over windows of {@code metric} for {@code model}. */
    public double total(CellBacktest.Metric metric, String model) {
        double sum = 0;
        for (CellWindow w : windows) {
            sum += metric.of(w, model);
        }
        return sum;
    }
}
