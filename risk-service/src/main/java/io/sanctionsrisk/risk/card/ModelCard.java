package io.sanctionsrisk.risk.card;

import io.sanctionsrisk.risk.dataset.ExcludedRecord;
import io.sanctionsrisk.risk.snapshot.DiagnosticsView;
import io.sanctionsrisk.risk.snapshot.EstimateView;
import io.sanctionsrisk.risk.snapshot.OutputVersions;
import io.sanctionsrisk.risk.snapshot.ParametersView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A snapshot described for a model validator, from what the snapshot stores and its latest stored backtest. */
@Schema(name = "ModelCard", description = "What a snapshot was fitted on, what it estimates, how it was checked")
public record ModelCard(
        @Schema(example = "51") long snapshotId,
        Instant created,

        @Schema(description = "True when this is the snapshot every replica serves now")
        boolean serving,

        OutputVersions versions,

        @Schema(description = "SHA-256 of the dataset and fit settings")
        String inputDigest,

        Provenance provenance,
        Data data,
        ParametersView parameters,
        List<EstimateView> estimates,
        DiagnosticsView diagnostics,
        Sensitivity sensitivity,
        BacktestStatus backtest,

        @Schema(description = "What the numbers cannot say, whatever the data")
        List<String> limitations,

        ChangeLog changes) {

    @Schema(name = "ModelCardProvenance", description = "How the snapshot came about")
    public record Provenance(
            @Schema(example = "scheduled", description = "scheduled, request or startup")
            String trigger,

            @Schema(nullable = true) String requestedBy,

            @Schema(nullable = true, description = "The snapshot whose fit was copied (same inputs)")
            Long reusedFrom,

            long fitDurationMillis,
            boolean hitTimeBudget) {}

    @Schema(name = "ModelCardData", description = "The model's input as the snapshot stores it")
    public record Data(
            @Schema(example = "7") long dataVersion,
            @Schema(nullable = true) Instant dataLastModified,
            LocalDate windowStart,
            LocalDate windowEnd,
            @Schema(example = "3653") double windowDays,
            @Schema(example = "44") int events,

            @Schema(example = "28", description = "Sanctions listed in the input, easing ones included")
            int sanctions,

            @Schema(example = "25", description = "Sanctions with a positive weight (easing ones weigh 0): the fit's")
            int weightedSanctions,

            @Schema(example = "12") int sectors,
            @Schema(example = "23") int regions,
            @Schema(example = "3") int excludedCount,

            @Schema(description = "Records left out of the input, with the reason")
            List<ExcludedRecord> excluded) {}

    @Schema(name = "ModelCardSensitivity", description = "How the fit moves with the kernel shape")
    public record Sensitivity(
            @Schema(description = "What this section shows and where other sensitivities come from")
            String note,

            List<ShapeFit> kernelShapes) {}

    @Schema(name = "ModelCardShapeFit")
    public record ShapeFit(
            int kernelShape,
            boolean chosen,
            double logLikelihood,
            double aic,

            @Schema(description = "AIC minus the chosen shape's AIC: positive means the chosen one is preferred")
            double aicMinusChosen,

            ParametersView parameters) {}

    @Schema(name = "ModelCardChangeLog", description = "What changed against the snapshot stored before this one")
    public record ChangeLog(
            @Schema(nullable = true, description = "Null for the first snapshot")
            Long previousSnapshotId,

            @Schema(nullable = true) Instant previousCreated,

            @Schema(description = "Every headline value that differs, old and new")
            List<Change> changes,

            KeyDiff events,
            KeyDiff sanctions) {}

    @Schema(name = "ModelCardChange")
    public record Change(
            @Schema(example = "alpha") String field,
            @Schema(example = "0.21") Object previous,
            @Schema(example = "0.24") Object current) {}

    @Schema(name = "ModelCardKeyDiff", description = "Records added to and removed from the input, by key")
    public record KeyDiff(
            int addedCount,
            int removedCount,

            @Schema(description = "The first keys added (at most 100)")
            List<String> added,

            @Schema(description = "The first keys removed (at most 100)")
            List<String> removed) {}
}
