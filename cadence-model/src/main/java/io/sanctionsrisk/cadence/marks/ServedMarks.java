package io.sanctionsrisk.cadence.marks;

import java.util.List;
import java.util.Map;

/**
 * The marks a snapshot serves, built in one call (MODEL.md, "Marks that follow the data"): the hyperparameters
 * chosen prequentially as of {@code asOf}, the cell posterior under them, and the attempted and realised severities
 * by sector group with a trend. A severity with too few positive amounts for groups and trend falls back to the
 * pooled lognormal without trend, and to null (not estimable) below two positive amounts.
 */
public record ServedMarks(
        PrequentialSelector.Selection selection,
        CellPosterior cells,
        SeverityPosterior attempted,
        SeverityPosterior realised) {

    /**
     * @param selectionStart the first inner origin of the prequential choice (model time)
     * @param selectionStep days between inner origins (a quarter: 365.25 / 4)
     * @param sectorGroups sector code to severity group (null: pooled)
     */
    public static ServedMarks build(
            List<String> sectors,
            List<String> regions,
            List<MarkedEvent> events,
            double asOf,
            double selectionStart,
            double selectionStep,
            Map<String, String> sectorGroups) {
        PrequentialSelector.Selection selection = PrequentialSelector.select(
                sectors, regions, events, asOf, selectionStart, selectionStep, PrequentialSelector.defaultCandidates());
        CellPosterior cells = DiscountedCellModel.fit(sectors, regions, events, asOf, selection.chosen());
        return new ServedMarks(
                selection,
                cells,
                severity(events, asOf, SeverityModel.Amount.ATTEMPTED, sectorGroups),
                severity(events, asOf, SeverityModel.Amount.REALISED, sectorGroups));
    }

    private static SeverityPosterior severity(
            List<MarkedEvent> events, double asOf, SeverityModel.Amount amount, Map<String, String> groups) {
        try {
            return SeverityModel.fit(events, asOf, amount, groups, true);
        } catch (IllegalArgumentException tooFew) {
            try {
                return SeverityModel.fit(events, asOf, amount, null, false);
            } catch (IllegalArgumentException none) {
                return null;
            }
        }
    }
}
