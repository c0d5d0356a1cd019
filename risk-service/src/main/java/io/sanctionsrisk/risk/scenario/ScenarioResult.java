package io.sanctionsrisk.risk.scenario;

import io.sanctionsrisk.cadence.scenario.DeltaSummary;
import io.sanctionsrisk.cadence.scenario.ExceedancePoint;
import io.sanctionsrisk.cadence.scenario.WorldSummary;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The numbers of a scenario run; a function of the inputs and the snapshot alone (no clock, no timing), so a
 * re-run on the same snapshot gives the same document byte for byte.
 */
@Schema(name = "ScenarioResult")
public record ScenarioResult(
        @Schema(example = "2026-01-01") LocalDate start,

        @Schema(example = "2026-12-31", description = "Last day of the horizon, included")
        LocalDate end,

        @Schema(example = "365") int horizonDays,

        @Schema(
                example = "2025-12-01",
                description = "First day simulated: the day after the data end when the horizon starts later (the"
                        + " gap is simulated, not counted), otherwise the start")
        LocalDate simulatedFrom,

        @Schema(example = "44", description = "Observed heists the simulation is conditioned on")
        int historyHeists,

        int paths,
        long seed,
        String lossBasis,

        @Schema(description = "Why losses are missing, if they are; empty otherwise")
        String lossNote,

        @Schema(description = "All cells together") Totals total,

        @Schema(
                description = "Expected counts from the model's mean equation: averaged over the paths' posterior"
                        + " draws (to check the simulation against) and at the fitted parameters")
        Analytic analytic,

        @Schema(description = "Total loss exceeded with each probability (empty without losses)")
        List<ExceedancePoint> lossExceedance,

        @Schema(example = "580", description = "Cells of the grid (sectors x regions)")
        int cellCount,

        @Schema(description = "Listed cells (filtered by sectors/regions) in which some path has a heist")
        List<CellResult> cells,

        @Schema(description = "Cells of the (filtered) grid without a heist in any path, in either world")
        int cellsWithoutHeists,

        @Schema(
                nullable = true,
                description = "Parameter uncertainty, apart from the Monte Carlo error: each path runs both worlds"
                        + " under one joint posterior draw (cadence parameters, cell shares, loss), and these"
                        + " intervals are those of the expectations given the draw; null in results stored before"
                        + " they were computed")
        Uncertainty uncertainty) {

    @Schema(name = "ScenarioTotals")
    public record Totals(WorldSummary baseline, WorldSummary scenario, DeltaSummary delta) {}

    @Schema(name = "ScenarioAnalytic")
    public record Analytic(
            @Schema(description = "Mean over the paths' posterior draws of the baseline's expected count")
            double baselineExpectedCount,

            @Schema(description = "Mean over the paths' posterior draws of the scenario's expected count")
            double scenarioExpectedCount,

            @Schema(nullable = true, description = "The baseline's expected count at the fitted parameters")
            Double fittedBaselineExpectedCount,

            @Schema(nullable = true, description = "The scenario's expected count at the fitted parameters")
            Double fittedScenarioExpectedCount) {}

    @Schema(
            name = "ScenarioUncertainty",
            description = "Credible intervals at `level` from the posterior draws the paths run under: for each draw"
                    + " the mean equation gives each world's expected count given the draw, and the delta's"
                    + " (scenario - baseline); the loss delta is that times the draw's expected loss per heist."
                    + " Each interval is the draws' equal-tailed one, moved (keeping its probability) just enough to"
                    + " contain the simulated mean. The Monte Carlo error of the simulated means is reported apart")
    public record Uncertainty(
            @Schema(example = "0.9") double level,

            @Schema(example = "200", description = "Joint posterior draws; path i runs under draw i mod draws")
            int draws,

            @Schema(
                    example = "true",
                    description = "Whether the draws include the cadence parameters' uncertainty; false for a"
                            + " snapshot fitted before parameter draws were stored (the marks' uncertainty only)")
            boolean parameterUncertainty,

            Range baselineCount,
            Range scenarioCount,

            @Schema(description = "The expected delta's interval with parameter uncertainty")
            Range deltaCount,

            @Schema(nullable = true, description = "The same for the loss delta (USD); null without losses")
            Range deltaLoss,

            @Schema(
                    example = "0.006",
                    description = "Monte Carlo standard error of the simulated mean delta count (as"
                            + " total.delta.count.standardError)")
            double deltaCountMonteCarloStandardError,

            @Schema(nullable = true, description = "Monte Carlo standard error of the simulated mean delta loss")
            Double deltaLossMonteCarloStandardError) {}

    @Schema(name = "ScenarioRange")
    public record Range(
            @Schema(example = "0.03") double lower,
            @Schema(example = "1.64") double upper) {}

    @Schema(name = "ScenarioCell")
    public record CellResult(
            @Schema(example = "commercial-bank") String sector,
            @Schema(example = "southern-asia") String region,
            WorldSummary baseline,
            WorldSummary scenario,
            DeltaSummary delta) {}
}
