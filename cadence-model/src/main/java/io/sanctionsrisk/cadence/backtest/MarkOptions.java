package io.sanctionsrisk.cadence.backtest;

import io.sanctionsrisk.cadence.marks.MarkPrior;
import io.sanctionsrisk.cadence.marks.PrequentialSelector;
import java.util.List;
import java.util.Set;

/**
 * How the marks are chosen and scored in a backtest.
 *
 * @param sectors the grid's sectors
 * @param regions the grid's regions
 * @param selectionStart the first inner origin of the prequential choice of hyperparameters (model time)
 * @param selectionStep days between inner origins
 * @param candidates the priors to choose from
 * @param groupSectors the sectors whose joint share gets a Brier score (e.g. the bank sectors); may be empty
 */
public record MarkOptions(
        List<String> sectors,
        List<String> regions,
        double selectionStart,
        double selectionStep,
        List<MarkPrior> candidates,
        Set<String> groupSectors) {

    public MarkOptions {
        if (sectors == null || regions == null || sectors.isEmpty() || regions.isEmpty()) {
            throw new IllegalArgumentException("a grid needs at least one sector and one region");
        }
        if (!Double.isFinite(selectionStart) || !(selectionStep > 0) || !Double.isFinite(selectionStep)) {
            throw new IllegalArgumentException("the selection start must be finite and its step positive");
        }
        if (candidates == null || candidates.isEmpty()) {
            throw new IllegalArgumentException("at least one candidate prior is required");
        }
        sectors = List.copyOf(sectors);
        regions = List.copyOf(regions);
        candidates = List.copyOf(candidates);
        groupSectors = groupSectors == null ? Set.of() : Set.copyOf(groupSectors);
    }

    /** The default candidate grid ({@link PrequentialSelector#defaultCandidates()}), quarterly inner origins. */
    public static MarkOptions of(
            List<String> sectors, List<String> regions, double selectionStart, Set<String> groupSectors) {
        return new MarkOptions(
                sectors,
                regions,
                selectionStart,
                CellBacktest.QUARTER_DAYS,
                PrequentialSelector.defaultCandidates(),
                groupSectors);
    }
}
