package io.sanctionsrisk.cadence.backtest;

import io.sanctionsrisk.cadence.marks.CellPosterior;
import io.sanctionsrisk.cadence.marks.DiscountedCellModel;
import io.sanctionsrisk.cadence.marks.MarkPrior;
import io.sanctionsrisk.cadence.marks.MarkedEvent;
import io.sanctionsrisk.cadence.marks.PrequentialSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * Backtest of the marks alone (MODEL.md, "Backtests that score what is served"): at each origin T the
 * hyperparameters are chosen prequentially from what was known at T ({@link PrequentialSelector}), both the chosen
 * and today's static posterior are fitted on the heists known by T, and the heists that happen in (T, T + window]
 * are scored, whenever they became known. No look-ahead: nothing known after T enters a forecast made at T.
 */
public final class MarkBacktest {

    private MarkBacktest() {}

    /** The chosen and the static posterior as of {@code origin}. */
    public record Posteriors(CellPosterior adaptive, CellPosterior fixed, PrequentialSelector.Selection selection) {}

    /** Chooses the prior as of {@code origin} and fits both posteriors. */
    public static Posteriors posteriors(List<MarkedEvent> events, double origin, MarkOptions options) {
        PrequentialSelector.Selection selection = PrequentialSelector.select(
                options.sectors(),
                options.regions(),
                events,
                origin,
                options.selectionStart(),
                options.selectionStep(),
                options.candidates());
        return new Posteriors(
                DiscountedCellModel.fit(options.sectors(), options.regions(), events, origin, selection.chosen()),
                DiscountedCellModel.fit(options.sectors(), options.regions(), events, origin, MarkPrior.STATIC),
                selection);
    }

    /** Scores windows (T_k, T_k + window] for the given increasing origins. */
    public static List<MarkWindow> run(List<MarkedEvent> events, double[] origins, double window, MarkOptions options) {
        if (events == null || origins == null || options == null || !(window > 0)) {
            throw new IllegalArgumentException("events, origins, options and a positive window are required");
        }
        List<MarkWindow> out = new ArrayList<>(origins.length);
        for (double origin : origins) {
            out.add(score(events, origin, origin + window, posteriors(events, origin, options), options));
        }
        return List.copyOf(out);
    }

    /** The number of heists in each cell of {@code grid} that happen in (from, to], whenever they became known. */
    public static int[] cellCounts(CellPosterior grid, List<MarkedEvent> events, double from, double to) {
        int[] counts = new int[grid.size()];
        for (MarkedEvent e : events) {
            if (e.cell() != null && e.time() > from && e.time() <= to) {
                counts[grid.indexOf(e.cell())]++;
            }
        }
        return counts;
    }

    static MarkWindow score(List<MarkedEvent> events, double origin, double end, Posteriors p, MarkOptions options) {
        double adaptiveLog = 0;
        double staticLog = 0;
        double adaptiveGroup = p.adaptive().groupMean(options.groupSectors());
        double staticGroup = p.fixed().groupMean(options.groupSectors());
        double adaptiveBrier = 0;
        double staticBrier = 0;
        int heists = 0;
        int inGroup = 0;
        for (MarkedEvent e : events) {
            if (e.cell() == null || !(e.time() > origin && e.time() <= end)) {
                continue;
            }
            int c = p.adaptive().indexOf(e.cell());
            adaptiveLog += Math.log(p.adaptive().mean(c));
            staticLog += Math.log(p.fixed().mean(c));
            double y = options.groupSectors().contains(e.cell().sector()) ? 1 : 0;
            adaptiveBrier += (adaptiveGroup - y) * (adaptiveGroup - y);
            staticBrier += (staticGroup - y) * (staticGroup - y);
            heists++;
            inGroup += (int) y;
        }
        return new MarkWindow(
                origin,
                end,
                p.selection().chosen(),
                heists,
                inGroup,
                adaptiveLog,
                staticLog,
                adaptiveGroup,
                staticGroup,
                adaptiveBrier,
                staticBrier);
    }
}
