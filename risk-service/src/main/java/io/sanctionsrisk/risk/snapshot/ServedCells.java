package io.sanctionsrisk.risk.snapshot;

import io.sanctionsrisk.cadence.marks.CellPosterior;
import io.sanctionsrisk.cadence.marks.CellShare;
import io.sanctionsrisk.cadence.marks.CellShareModel;
import io.sanctionsrisk.cadence.marks.DiscountedCellShare;
import io.sanctionsrisk.cadence.marks.MarkPrior;
import io.sanctionsrisk.cadence.marks.MarkedEvent;
import io.sanctionsrisk.cadence.marks.PrequentialSelector;
import io.sanctionsrisk.cadence.scoring.CellGrid;
import io.sanctionsrisk.risk.config.RiskConfig;
import io.sanctionsrisk.risk.dataset.ModelDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The served cell shares of a snapshot, one rule for the stored marks, the scores, the heatmap: the adaptive marks
 * (time-discounted counts shrunk toward the sector and region shares, hyperparameters chosen prequentially) or the
 * static ones, by {@code risk.marks.cell-model}. Null when the grid is empty ({@link CellCounts#isEmpty()}). {@code
 * posterior} draws the shares (the static rule as the discounted model with no discounting, the uniform base and
 * one pseudo-heist, which is the same posterior); its grid order is {@link CellCounts}'.
 */
public record ServedCells(
        CellGrid grid, List<CellShare> shares, String prior, double concentration, CellPosterior posterior) {

    public static final double CREDIBLE_LEVEL = 0.90;
    private static final double QUARTER = 365.25 / 4;

    public static ServedCells of(ModelDataset dataset, RiskConfig.Marks config) {
        CellCounts counted = CellCounts.of(dataset);
        if (counted.isEmpty()) {
            return null;
        }
        // the prequential choice at inner origins sees a heist only once it was attributed; the fits as of the
        // data's end see every heist
        List<MarkedEvent> events = dataset.markedEvents(true);
        double asOf = dataset.lengthDays();
        if ("static".equals(config.cellModel())) {
            List<CellShare> shares = CellShareModel.posterior(
                    counted.cells(), counted.counts(), CellShareModel.DEFAULT_CONCENTRATION, null, CREDIBLE_LEVEL);
            CellGrid grid = CellGrid.posterior(
                    counted.sectors(),
                    counted.regions(),
                    counted.counts(),
                    CellShareModel.DEFAULT_CONCENTRATION,
                    CREDIBLE_LEVEL);
            String prior = "symmetric Dirichlet: " + CellShareModel.DEFAULT_CONCENTRATION
                    + " pseudo-heist spread evenly over " + counted.cells().size() + " cells ("
                    + counted.sectors().size() + " sectors x "
                    + counted.regions().size() + " leaf regions)";
            CellPosterior posterior = io.sanctionsrisk.cadence.marks.DiscountedCellModel.fit(
                    counted.sectors(), counted.regions(), events, asOf, MarkPrior.STATIC);
            return new ServedCells(grid, shares, prior, CellShareModel.DEFAULT_CONCENTRATION, posterior);
        }
        double selectionStart = Math.min(asOf, 365.25 * Math.max(0, config.selectionStartYears()));
        PrequentialSelector.Selection selection = PrequentialSelector.select(
                counted.sectors(),
                counted.regions(),
                events,
                asOf,
                selectionStart,
                QUARTER,
                PrequentialSelector.defaultCandidates());
        CellPosterior posterior = io.sanctionsrisk.cadence.marks.DiscountedCellModel.fit(
                counted.sectors(), counted.regions(), events, asOf, selection.chosen());
        List<CellShare> shares = new ArrayList<>();
        for (DiscountedCellShare share : posterior.shares(CREDIBLE_LEVEL)) {
            shares.add(share.toCellShare());
        }
        var chosen = selection.chosen();
        String prior = String.format(
                Locale.ROOT,
                "time-discounted counts (half-life %s days) shrunk toward the %s base with strength %s; chosen by the"
                        + " held-out cell log score of %d heists at quarterly origins",
                Double.isInfinite(chosen.halfLifeDays())
                        ? "infinite"
                        : Long.toString(Math.round(chosen.halfLifeDays())),
                chosen.base().name().toLowerCase(Locale.ROOT),
                chosen.strength(),
                selection.scoredHeists());
        return new ServedCells(CellGrid.of(posterior, CREDIBLE_LEVEL), shares, prior, chosen.strength(), posterior);
    }
}
