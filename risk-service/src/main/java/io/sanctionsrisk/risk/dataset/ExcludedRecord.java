package io.sanctionsrisk.risk.dataset;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A record of the sanctions-service the model did not use, and why. */
@Schema(description = "A record left out of the model's input, with the reason")
public record ExcludedRecord(
        @Schema(example = "incident") String kind,
        @Schema(example = "2013-example") String key,

        @Schema(example = "before the window start 2014-01-01")
        String reason) {}
