package io.sanctionsrisk.risk.model;

import io.sanctionsrisk.risk.snapshot.DiagnosticsView;
import io.sanctionsrisk.risk.snapshot.EstimateView;
import io.sanctionsrisk.risk.snapshot.ParametersView;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The result of an inline fit: estimates, errors, diagnostics and how long the server took. */
@Schema(name = "FitResult", description = "Estimates, errors and diagnostics of an inline fit")
public record FitResponse(
        ParametersView parameters,
        List<EstimateView> estimates,
        @Schema(example = "-182.4") double logLikelihood,
        DiagnosticsView diagnostics,
        Window window,
        @Schema(example = "7") int eventCount,

        @Schema(example = "2", description = "Sanctions with a positive weight")
        int sanctionCount,

        @Schema(example = "412", description = "Server-side wall-clock time of the fit in milliseconds")
        long fitMillis,

        @Schema(example = "10000") long timeBudgetMillis,

        @Schema(description = "The fit stopped at the time budget: the estimates are the best found by then")
        boolean hitTimeBudget,

        @Schema(example = "cadence-1") String modelVersion) {

    @Schema(name = "FitWindow")
    public record Window(
            @Schema(example = "3650") double lengthDays,
            @Schema(nullable = true) LocalDate start,
            @Schema(nullable = true) LocalDate end) {}
}
