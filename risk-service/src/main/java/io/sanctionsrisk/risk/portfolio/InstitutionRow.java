package io.sanctionsrisk.risk.portfolio;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One institution of a portfolio upload (JSON or NDJSON; CSV has the same fields as flat columns). */
@Schema(name = "PortfolioInstitution", description = "A portfolio institution: its id, sector, country and exposure")
public record InstitutionRow(
        @Schema(
                example = "bank-0042",
                required = true,
                maxLength = 256,
                description = "The organisation's id of the institution, unique within the portfolio")
        String institutionId,

        @Schema(example = "commercial-bank", required = true, description = "Sector code of the taxonomy")
        String sector,

        @Schema(example = "BD", required = true, description = "ISO 3166-1 alpha-2 country")
        String country,

        @Schema(example = "365", minimum = "1", maximum = "3650", description = "Days ahead; default 365")
        Integer horizonDays,

        @Schema(description = "Exposure factors as in POST /api/v1/scores; each one left out is not applied")
        Exposure exposure) {

    /** The exposure levels; every field is optional. */
    @Schema(name = "PortfolioExposure", description = "Exposure factors as levels; multipliers in risk.exposure.*")
    public record Exposure(
            @Schema(enumeration = {"none", "indirect", "direct"})
            String swiftConnectivity,

            @Schema(enumeration = {"none", "cold-only", "hot-wallet"})
            String cryptoCustody,

            @Schema(enumeration = {"low", "medium", "high"}) String correspondentExposure,

            @Schema(enumeration = {"advanced", "intermediate", "basic"})
            String controlMaturity) {}
}
