package io.sanctionsrisk.risk.scenario;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A re-run of a saved scenario on the snapshot it first ran on. */
@Schema(name = "ScenarioRun")
public record ScenarioRunView(
        @Schema(example = "101") long runId,
        @Schema(example = "51") long scenarioId,
        Instant ranAt,
        long snapshotId,
        String codeVersion,
        String resultDigest,

        @Schema(description = "True when the result equals the saved one byte for byte")
        boolean identical,

        long durationMillis,
        ScenarioResult result) {}
