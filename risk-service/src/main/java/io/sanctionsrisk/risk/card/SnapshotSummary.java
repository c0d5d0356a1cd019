package io.sanctionsrisk.risk.card;

import io.sanctionsrisk.risk.snapshot.OutputVersions;
import io.sanctionsrisk.risk.snapshot.SnapshotHeader;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One stored snapshot in the history: what it was fitted on, when and why. */
@Schema(name = "SnapshotSummary")
public record SnapshotSummary(
        @Schema(example = "51") long id,
        Instant created,
        OutputVersions versions,
        @Schema(example = "44") int events,

        @Schema(example = "25", description = "Sanctions with a positive weight, as the fit counts them")
        int weightedSanctions,

        LocalDate windowStart,
        LocalDate windowEnd,
        @Schema(example = "scheduled") String trigger,
        @Schema(nullable = true) String requestedBy,
        @Schema(nullable = true) Long reusedFrom,

        @Schema(description = "True for the snapshot served now")
        boolean serving) {

    static SnapshotSummary of(SnapshotHeader h, long servingId) {
        return new SnapshotSummary(
                h.id(),
                h.createdAt(),
                new OutputVersions(h.modelVersion(), h.codeVersion(), h.dataVersion()),
                h.eventCount(),
                h.sanctionCount(),
                h.windowStart(),
                h.windowEnd(),
                h.fitTrigger(),
                h.requestedBy(),
                h.reusedFrom(),
                h.id() == servingId);
    }
}
