package io.sanctionsrisk.risk.model;

import io.sanctionsrisk.risk.dataset.ExcludedRecord;
import io.sanctionsrisk.risk.snapshot.DiagnosticsView;
import io.sanctionsrisk.risk.snapshot.EstimateView;
import io.sanctionsrisk.risk.snapshot.MarksView;
import io.sanctionsrisk.risk.snapshot.ParametersView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The serving model snapshot: what was fitted, on which data, with which code, and how fresh its data are. */
@Schema(name = "Model", description = "The serving model snapshot")
public record ModelView(
        @Schema(example = "51") long snapshotId,
        @Schema(example = "2025-12-01T08:00:03Z") Instant createdAt,
        Versions versions,

        @Schema(description = "SHA-256 of the model's input (dataset and fit settings)")
        String inputDigest,

        Fit fit,
        Window window,
        DataSummary data,
        ParametersView parameters,
        List<EstimateView> estimates,
        DiagnosticsView diagnostics,
        MarksView marks,
        Freshness freshness) {

    @Schema(name = "ModelVersions")
    public record Versions(
            @Schema(example = "cadence-1", description = "The model and dataset rules")
            String model,

            @Schema(example = "risk-service 0.1.0-SNAPSHOT") String code,

            @Schema(example = "42", description = "The sanctions-service data version the fit read")
            long data,

            @Schema(description = "When that data version was written")
            Instant dataLastModified) {}

    @Schema(name = "ModelFit")
    public record Fit(
            @Schema(example = "schedule", description = "schedule, request, forced-request or startup")
            String trigger,

            @Schema(description = "Subject of the token that asked for the refit, if one did")
            String requestedBy,

            @Schema(example = "created", description = "created (fitted now) or reused (same inputs fitted before)")
            String origin,

            @Schema(example = "850") long durationMillis,
            boolean converged,
            boolean hitTimeBudget) {}

    @Schema(name = "ModelWindow")
    public record Window(
            @Schema(example = "2015-01-01") LocalDate start,

            @Schema(example = "2025-11-30", description = "Included")
            LocalDate end,

            @Schema(example = "3987") double lengthDays) {}

    @Schema(name = "ModelData")
    public record DataSummary(
            @Schema(example = "44") int events,

            @Schema(example = "28", description = "Tightening sanctions, weight = severity")
            int sanctions,

            @Schema(example = "3", description = "Easing events: listed with weight 0, never adding pressure")
            int easingSanctions,

            @Schema(description = "Records left out of the fit, with the reason")
            List<ExcludedRecord> excluded) {}

    @Schema(name = "ModelFreshness", description = "How old the serving snapshot's data are")
    public record Freshness(
            @Schema(description = "Last time the sanctions-service confirmed the snapshot's data version is current")
            Instant dataAsOf,

            @Schema(example = "45", description = "Seconds since dataAsOf")
            long dataAgeSeconds,

            @Schema(
                    description = "True when the data are older than risk.refit.stale-after or a newer data"
                            + " version is known but not fitted yet")
            boolean stale,

            @Schema(description = "Why the snapshot is stale; empty when it is not")
            List<String> staleReasons,

            @Schema(description = "Last successful contact with the sanctions-service (any replica)")
            Instant lastSuccessfulSync,

            Instant lastSyncAttempt,

            @Schema(description = "Whether the last contact succeeded")
            boolean sanctionsServiceReachable,

            @Schema(description = "Why the last failed contact failed")
            String lastSyncError,

            @Schema(example = "42", description = "Latest data version the sanctions-service reported")
            Long latestKnownDataVersion) {}
}
