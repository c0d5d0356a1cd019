package io.sanctionsrisk.risk.scoring;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every sector x region cell over a horizon; the cells' counts and losses sum to the total. */
@Schema(name = "Heatmap")
public record HeatmapView(
        @Schema(example = "365") int horizonDays,
        @Schema(example = "2026-11-27") LocalDate from,
        @Schema(example = "2027-11-27") LocalDate to,
        @Schema(example = "cadence-1") String modelVersion,
        @Schema(example = "12") long dataVersion,
        @Schema(example = "1") long snapshotId,
        List<Named> sectors,
        List<Named> regions,

        @Schema(description = "Every sector x region cell, sectors then regions in the listed order")
        List<CellView> cells,

        CellTotals total,

        @Schema(
                example = "realised",
                description = "expectedLoss is the realised loss; expectedAttemptedLoss the attempted one")
        String lossBasis,

        @Schema(example = "200", description = "Joint posterior draws every interval is formed from")
        int draws,

        @Schema(
                example = "true",
                description = "Whether the intervals include the cadence parameters' uncertainty; false for a"
                        + " snapshot fitted before parameter draws were stored (the marks' uncertainty only)")
        boolean parameterUncertainty) {

    @Schema(
            name = "HeatmapInterval",
            description = "Credible interval at `level` of each of the cell's numbers, from joint posterior draws of"
                    + " the cadence parameters and the marks; it contains the served point (see ScoreInterval)")
    public record Interval(
            @Schema(example = "0.9") double level,
            @Schema(example = "0.01") double expectedCountLower,
            @Schema(example = "0.3") double expectedCountUpper,
            @Schema(example = "0.01") double probabilityLower,
            @Schema(example = "0.26") double probabilityUpper,
            @Schema(example = "25.0") double scoreLower,
            @Schema(example = "85.3") double scoreUpper,
            @Schema(example = "100000", nullable = true) Double expectedLossLower,
            @Schema(example = "90000000", nullable = true) Double expectedLossUpper,
            @Schema(example = "900000", nullable = true) Double expectedAttemptedLossLower,
            @Schema(example = "400000000", nullable = true) Double expectedAttemptedLossUpper) {}

    @Schema(name = "HeatmapCode")
    public record Named(
            @Schema(example = "southern-asia") String code,
            @Schema(example = "Southern Asia") String name) {}

    @Schema(name = "HeatmapCell")
    public record CellView(
            @Schema(example = "central-bank") String sector,
            @Schema(example = "southern-asia") String region,
            @Schema(example = "0.1") double expectedCount,

            @Schema(example = "0.095", description = "1 - exp(-expectedCount): Poisson approximation")
            double probabilityAtLeastOne,

            @Schema(example = "12000000", nullable = true) Double expectedLoss,
            @Schema(example = "95000000", nullable = true) Double expectedAttemptedLoss,

            @Schema(example = "73.0", description = "25 (log10 probabilityAtLeastOne + 4), clamped to 0..100")
            double score,

            Interval interval) {}

    @Schema(name = "HeatmapTotal")
    public record CellTotals(
            @Schema(example = "1.0") double expectedCount,
            @Schema(example = "0.63") double probabilityAtLeastOne,
            @Schema(example = "100000000", nullable = true) Double expectedLoss,
            @Schema(example = "800000000", nullable = true) Double expectedAttemptedLoss,
            Interval interval) {}
}
