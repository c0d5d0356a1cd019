package io.sanctionsrisk.risk.snapshot;

import io.sanctionsrisk.cadence.fit.ParameterEstimate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One fitted parameter with its standard error and 95% interval; null where not available, with the reason. */
@Schema(name = "Estimate", description = "A fitted parameter with its standard error and 95% Wald interval")
public record EstimateView(
        @Schema(example = "alpha") String name,
        @Schema(example = "0.21") double estimate,
        @Schema(example = "0.08", nullable = true) Double standardError,
        @Schema(example = "0.05", nullable = true) Double lower95,
        @Schema(example = "0.37", nullable = true) Double upper95,

        @Schema(example = "true", description = "False on a bound, with an error above the estimate, or unidentified")
        boolean wellIdentified,

        @Schema(example = "", description = "Why the parameter is poorly identified; empty when it is not")
        String note) {

    public static EstimateView of(ParameterEstimate e) {
        return new EstimateView(
                e.name(),
                e.estimate(),
                Numbers.finite(e.standardError()),
                Numbers.finite(e.lower95()),
                Numbers.finite(e.upper95()),
                e.wellIdentified(),
                e.reason());
    }
}
