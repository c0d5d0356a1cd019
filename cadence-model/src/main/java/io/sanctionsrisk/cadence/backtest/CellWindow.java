package io.sanctionsrisk.cadence.backtest;

import java.util.List;

/** One origin of {@link CellBacktest}: its window, what was known and observed, and every model's scores. */
public record CellWindow(
        double origin,
        double end,
        int trainingHeists,
        int observed,
        int observedWithCell,
        boolean fitConverged,
        boolean hitDeadline,
        MarkWindow marks,
        List<WindowScore> scores) {

    /** The scores of {@code model} ({@link CellBacktest#model}). */
    public WindowScore score(String model) {
        for (WindowScore s : scores) {
            if (s.model().equals(model)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no model " + model + " in this backtest");
    }
}
