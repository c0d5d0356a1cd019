package io.sanctionsrisk.risk.scoring;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One institution to score. */
@Schema(name = "ScoreRequest", description = "An institution: its sector, its country, the horizon and its exposure")
public record ScoreRequest(
        @Schema(example = "bank-0042", maxLength = 256, description = "The caller's id, echoed in the answer")
        String id,

        @Schema(
                example = "commercial-bank",
                required = true,
                description = "Sector code of the sanctions-service's taxonomy")
        String sector,

        @Schema(
                example = "BD",
                required = true,
                description = "ISO 3166-1 alpha-2 country; its M49 sub-region is the cell's region")
        String country,

        @Schema(example = "365", minimum = "1", maximum = "3650", description = "Days ahead; default 365")
        Integer horizonDays,

        @Schema(description = "Exposure factors; each one left out is not applied")
        ExposureInput exposure) {

    /** Exposure levels; every field is optional. */
    @Schema(name = "Exposure", description = "Exposure factors as levels; multipliers in risk.exposure.*")
    public record ExposureInput(
            @Schema(
                    enumeration = {"none", "indirect", "direct"},
                    example = "direct")
            String swiftConnectivity,

            @Schema(
                    enumeration = {"none", "cold-only", "hot-wallet"},
                    example = "none")
            String cryptoCustody,

            @Schema(
                    enumeration = {"low", "medium", "high"},
                    example = "high")
            String correspondentExposure,

            @Schema(
                    enumeration = {"advanced", "intermediate", "basic"},
                    example = "basic")
            String controlMaturity) {}
}
