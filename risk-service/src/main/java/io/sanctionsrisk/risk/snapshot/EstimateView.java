package io.sanctionsrisk.risk.snapshot;

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
    public static EstimateView of(StoredEstimate s) {
        if (s == null) {
            return null;
        }
        return new EstimateView(
                s.name(), s.estimate(), s.standardError(), s.lower95(), s.upper95(), s.wellIdentified(), s.note());
    }
}
