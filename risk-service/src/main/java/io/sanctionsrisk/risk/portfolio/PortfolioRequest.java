package io.sanctionsrisk.risk.portfolio;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new portfolio. */
@Schema(name = "PortfolioRequest", description = "A new, empty portfolio of the caller's organisation")
public record PortfolioRequest(
        @Schema(example = "Correspondent banks, Asia", maxLength = 200, description = "A name for people")
        String name,

        @Schema(
                example = "[50, 75]",
                description = "Optional score thresholds (0..100, at most 10): a re-scoring reports each institution"
                        + " whose score crosses one, upwards or downwards")
        List<Double> thresholds) {}
