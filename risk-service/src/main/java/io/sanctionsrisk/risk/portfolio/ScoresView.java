package io.sanctionsrisk.risk.portfolio;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a portfolio's latest scores, each with its change since the previous scoring. */
@Schema(name = "PortfolioScores", description = "The latest scoring of a portfolio, a page of its institutions")
public record ScoresView(
        String portfolioId,

        @Schema(description = "The snapshot of the latest scoring; null before the first")
        Long snapshotId,

        String modelVersion,
        Long dataVersion,
        Instant scoredAt,

        @Schema(description = "The snapshot the changes are measured from; null for the first scoring")
        Long previousSnapshotId,

        String previousModelVersion,

        @Schema(description = "The serving snapshot now; above snapshotId while a re-scoring is pending")
        Long servingSnapshotId,

        ScoringView.BandCounts bands,
        int bandChanges,
        int page,
        int size,
        @Schema(description = "Institutions in the scoring") long total,
        List<Item> items) {

    /** One institution: its score now, and before. */
    @Schema(name = "PortfolioScore")
    public record Item(
            @Schema(example = "bank-0042") String institutionId,
            @Schema(example = "commercial-bank") String sector,
            @Schema(example = "BD") String country,

            @Schema(description = "0..100; null when the snapshot has no cell for the institution")
            Double score,

            @Schema(enumeration = {"low", "moderate", "high", "severe"})
            String band,

            Double probability,
            Double expectedCount,

            @Schema(description = "The score in the previous scoring; null when it was not scored then")
            Double previousScore,

            String previousBand,

            @Schema(description = "score - previousScore; null unless both exist")
            Double scoreChange,

            @Schema(description = "Whether the band differs from the previous one (false when either is missing)")
            boolean bandChanged) {}
}
