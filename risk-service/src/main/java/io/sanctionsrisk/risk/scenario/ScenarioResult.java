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

        @Schema(description = "Expected counts from the model's mean equation, to check the simulation against")
        Analytic analytic,

        @Schema(description = "Total loss exceeded with each probability (empty without losses)")
        List<ExceedancePoint> lossExceedance,

        @Schema(example = "580", description = "Cells of the grid (sectors x regions)")
        int cellCount,

        @Schema(description = "Listed cells (filtered by sectors/regions) in which some path has a heist")
        List<CellResult> cells,

        @Schema(description = "Cells of the (filtered) grid without a heist in any path, in either world")
        int cellsWithoutHeists) {

    @Schema(name = "ScenarioTotals")
    public record Totals(WorldSummary baseline, WorldSummary scenario, DeltaSummary delta) {}

    @Schema(name = "ScenarioAnalytic")
    public record Analytic(double baselineExpectedCount, double scenarioExpectedCount) {}

    @Schema(name = "ScenarioCell")
    public record CellResult(
            @Schema(example = "commercial-bank") String sector,
            @Schema(example = "southern-asia") String region,
            WorldSummary baseline,
            WorldSummary scenario,
            DeltaSummary delta) {}
}
