package io.sanctionsrisk.risk.scenario;

import io.sanctionsrisk.risk.snapshot.OutputOwner;
import io.sanctionsrisk.risk.snapshot.OutputVersions;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A saved scenario: who ran it, on what, with which inputs, and its result (null in lists). */
@Schema(name = "Scenario")
public record ScenarioView(
        @Schema(example = "51") long id,
        @Schema(example = "New UN package next month") String name,
        Instant createdAt,
        OutputOwner owner,
        ScenarioInputs inputs,
        @Schema(example = "1") long snapshotId,
        OutputVersions versions,

        @Schema(description = "SHA-256 of the canonical inputs")
        String inputsDigest,

        @Schema(description = "SHA-256 of the result document")
        String resultDigest,

        @Schema(example = "840", description = "Server-side time of the run")
        long durationMillis,

        @Schema(example = "0", description = "Re-runs so far")
        long reruns,

        @Schema(nullable = true) ScenarioResult result) {}
