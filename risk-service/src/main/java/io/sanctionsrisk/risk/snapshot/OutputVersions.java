package io.sanctionsrisk.risk.snapshot;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The model, code and data versions a stored output was computed on. */
@Schema(name = "ResultVersions")
public record OutputVersions(
        @Schema(example = "cadence-1") String model,
        @Schema(example = "risk-service 0.1.0-SNAPSHOT") String code,
        @Schema(example = "2") long data) {}
