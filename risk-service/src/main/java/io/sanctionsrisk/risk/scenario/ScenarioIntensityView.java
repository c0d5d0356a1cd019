package io.sanctionsrisk.risk.scenario;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The expected heist rate of a saved scenario's two worlds over its horizon, from the model's mean equation at the
 * snapshot's estimates (future offspring included, no Monte Carlo error), with the added and removed sanctions.
 */
@Schema(name = "ScenarioIntensity")
public record ScenarioIntensityView(
        @Schema(example = "51") long scenarioId,
        @Schema(example = "1") long snapshotId,
        @Schema(example = "expected heists per day") String unit,

        @Schema(example = "2026-01-01", description = "First counted day (the scenario's start)")
        LocalDate from,

        @Schema(example = "2026-12-31", description = "Last counted day, included")
        LocalDate to,

        @Schema(example = "2025-12-01", description = "The day the mean equation starts from (as the simulation)")
        LocalDate simulatedFrom,

        @Schema(example = "7") int stepDays,

        @Schema(
                description =
                        "Expected heists over the horizon, baseline world (equals the result's analytic value at the fitted parameters)")
        double baselineExpectedCount,

        @Schema(description = "Expected heists over the horizon, scenario world")
        double scenarioExpectedCount,

        @Schema(description = "One point per step: the mean expected rate over [date, date + days)")
        List<Point> points,

        @Schema(description = "The hypothetical sanctions, as the simulation used them")
        List<Mark> added,

        @Schema(description = "The snapshot's sanctions the scenario leaves out")
        List<Mark> removed) {

    @Schema(name = "ScenarioIntensityPoint")
    public record Point(
            @Schema(example = "2026-01-01") LocalDate date,
            @Schema(example = "7") int days,
            @Schema(example = "0.011") double baseline,
            @Schema(example = "0.013") double scenario) {}

    @Schema(name = "ScenarioIntensityMark")
    public record Mark(
            @Schema(example = "HYP-1") String key,
            @Schema(example = "2026-02-01") LocalDate date,
            @Schema(example = "UNSC", nullable = true) String authority,
            @Schema(example = "4.0") double weight) {}
}
