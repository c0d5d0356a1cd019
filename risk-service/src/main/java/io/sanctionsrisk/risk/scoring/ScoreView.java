package io.sanctionsrisk.risk.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The score of one institution, with the versions it was computed on. */
@Schema(name = "Score", description = "Expected heists in the institution's cell over the horizon and what drives them")
public record ScoreView(
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(example = "bank-0042", nullable = true)
        String id,

        @Schema(example = "commercial-bank") String sector,
        @Schema(example = "BD") String country,

        @Schema(example = "southern-asia", description = "M49 sub-region of the country")
        String region,

        @Schema(example = "365") int horizonDays,

        @Schema(
                example = "2026-11-27",
                description = "First day of the horizon: today, or the day after the" + " window end if that is later")
        LocalDate from,

        @Schema(example = "2027-11-27", description = "from + horizonDays")
        LocalDate to,

        @Schema(example = "0.0121", description = "Posterior mean share of heists in the cell")
        double cellShare,

        @Schema(example = "0.043", description = "Expected heists on the institution's cell, exposure applied")
        double expectedCount,

        @Schema(example = "0.042", description = "1 - exp(-expectedCount): Poisson approximation")
        double probabilityAtLeastOne,

        @Schema(description = "Expected USD lost over the horizon")
        ExpectedLoss expectedLoss,

        @Schema(example = "40.6", description = "25 (log10 probabilityAtLeastOne + 4), clamped to 0..100")
        double score,

        @Schema(
                enumeration = {"low", "moderate", "high", "severe"},
                example = "moderate")
        String band,

        Interval interval,

        @Schema(
                description = "Baseline, sanctions pressure, self-excitation and each applied exposure factor;"
                        + " their expected counts sum to expectedCount")
        List<Contribution> contributions,

        @Schema(example = "1.2", description = "Product of the applied exposure multipliers")
        double exposureMultiplier,

        @Schema(example = "cadence-1") String modelVersion,
        @Schema(example = "12") long dataVersion,
        @Schema(example = "1") long snapshotId) {

    @Schema(
            name = "ExpectedLoss",
            description = "Expected count x expected USD per heist of the cell's sector group (banks, crypto"
                    + " businesses, the rest) at the horizon's midpoint, from lognormal amounts with a trend in log"
                    + " amount and the share of heists with a positive amount; null when not estimable")
    public record ExpectedLoss(
            @Schema(example = "9100000", nullable = true) Double attempted,
            @Schema(example = "1200000", nullable = true) Double realised) {}

    @Schema(
            name = "ScoreInterval",
            description = "Credible interval at `level` of every served number, from joint posterior draws of the"
                    + " cadence parameters (Metropolis draws stored with the snapshot) and of the marks (cell"
                    + " shares, severities): draw d gives the expected count, P(N >= 1), score and losses under"
                    + " that draw, and the interval is the draws' equal-tailed one, moved (keeping its"
                    + " probability) just enough to contain the served point; the exposure multipliers are held"
                    + " at their values. It is not a prediction interval for the number of heists.")
    public record Interval(
            @Schema(example = "0.9") double level,
            @Schema(example = "0.001") double expectedCountLower,
            @Schema(example = "0.12") double expectedCountUpper,
            @Schema(example = "0.001") double probabilityLower,
            @Schema(example = "0.11") double probabilityUpper,
            @Schema(example = "25.0") double scoreLower,
            @Schema(example = "51.2") double scoreUpper,
            @Schema(example = "20000", nullable = true) Double expectedAttemptedLossLower,
            @Schema(example = "90000000", nullable = true) Double expectedAttemptedLossUpper,
            @Schema(example = "3000", nullable = true) Double expectedRealisedLossLower,
            @Schema(example = "9000000", nullable = true) Double expectedRealisedLossUpper,

            @Schema(example = "200", description = "Joint draws the interval is formed from")
            int draws,

            @Schema(
                    example = "true",
                    description = "Whether the draws include the cadence parameters' uncertainty; false for a"
                            + " snapshot fitted before parameter draws were stored (the marks' uncertainty only)")
            boolean parameterUncertainty) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ScoreContribution")
    public record Contribution(
            @Schema(
                    enumeration = {"baseline", "sanctions", "self-excitation", "exposure"},
                    example = "exposure")
            String part,

            @Schema(example = "swiftConnectivity", nullable = true)
            String factor,

            @Schema(example = "direct", nullable = true) String level,
            @Schema(example = "1.2", nullable = true) Double multiplier,

            @Schema(example = "0.007", description = "Expected heists this part adds (negative: removes)")
            double expectedCount) {}
}
