package io.sanctionsrisk.risk.portfolio;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One scoring of a portfolio on a snapshot. */
@Schema(name = "PortfolioScoring", description = "A scoring of a portfolio on one snapshot, with its summary")
public record ScoringView(
        @Schema(example = "42") long snapshotId,

        @Schema(description = "The snapshot of the scoring before it (the changes are counted against it), or null")
        Long previousSnapshotId,

        @Schema(example = "cadence-1") String modelVersion,
        @Schema(example = "17") long dataVersion,
        Instant scoredAt,

        @Schema(
                enumeration = {"institutions-replaced", "snapshot-served"},
                description = "Why it was scored: an upload, or a new serving snapshot")
        String reason,

        int institutionCount,

        @Schema(description = "Institutions the snapshot has no cell for (no score)")
        int unscoredCount,

        BandCounts bands,

        @Schema(description = "Institutions whose band differs from the previous scoring")
        int bandChanges,

        @Schema(description = "Threshold crossings against the previous scoring")
        int thresholdCrossings,

        @Schema(description = "Mean score of the scored institutions; null when none")
        Double meanScore,

        @Schema(description = "Server-side time to read, score and compare the institutions")
        long durationMillis,

        @Schema(description = "The institution asked for with ?institutionId=, on this snapshot; else null")
        InstitutionPoint institution) {

    /** How many institutions are in each band. */
    @Schema(name = "BandCounts")
    public record BandCounts(int low, int moderate, int high, int severe) {}

    /** One institution's score on the scoring's snapshot (null score: not scored there). */
    @Schema(name = "PortfolioInstitutionPoint")
    public record InstitutionPoint(String institutionId, Double score, String band) {}

    static ScoringView of(ScoringStore.ScoringRow r, InstitutionPoint institution) {
        int[] b = r.bands();
        return new ScoringView(
                r.snapshotId(),
                r.previousSnapshotId(),
                r.modelVersion(),
                r.dataVersion(),
                r.scoredAt(),
                r.reason(),
                r.institutionCount(),
                r.unscoredCount(),
                new BandCounts(b[0], b[1], b[2], b[3]),
                r.bandChanges(),
                r.thresholdCrossings(),
                r.meanScore(),
                r.durationMillis(),
                institution);
    }
}
