package io.sanctionsrisk.risk.dto;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A saved scenario: who ran it, on what, with which inputs, and its result (null in lists). */
@Schema(name = "Scenario")
public record ScenarioView(
        @Schema(example = "51") long id,
        @Schema(example = "New UN package next month") String name,
        Instant createdAt,
        Owner owner,
        ScenarioInputs inputs,
        @Schema(example = "1") long snapshotId,
        Versions versions,

        @Schema(description = "SHA-256 of the canonical inputs")
        String inputsDigest,

        @Schema(description = "SHA-256 of the result document")
        String resultDigest,

        @Schema(example = "840", description = "Server-side time of the run")
        long durationMillis,

        @Schema(example = "0", description = "Re-runs so far")
        long reruns,

        @Schema(nullable = true) ScenarioResult result) {

    @Schema(name = "Owner")
    public record Owner(
            @Schema(description = "The token's subject") String subject,

            @Schema(example = "dashboard", description = "The client the token was issued to")
            String client) {}

    @Schema(name = "ResultVersions")
    public record Versions(
            @Schema(example = "cadence-1") String model,
            @Schema(example = "risk-service 0.1.0-SNAPSHOT") String code,
            @Schema(example = "2") long data) {}
}
