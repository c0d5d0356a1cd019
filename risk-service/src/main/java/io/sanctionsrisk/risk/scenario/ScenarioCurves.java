package io.sanctionsrisk.risk.scenario;

import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The expected heist rate of a scenario's baseline and scenario worlds over the counted horizon, from the mean
 * equation with the simulation's own worlds ({@link ScenarioWorlds}: history, origin and sanctions): the rate of a
 * step is the expected count in it divided by its length, so the steps add up to the expected counts at the fitted parameters
 * (the result's {@code analytic.fitted*ExpectedCount}).
 */
final class ScenarioCurves {

    /** At most this many points; the step grows with the horizon. */
    static final int MAX_POINTS = 183;

    private ScenarioCurves() {}

    static ScenarioIntensityView intensity(long scenarioId, LoadedSnapshot snapshot, ScenarioInputs inputs) {
        CadenceParameters p = snapshot.parameters();
        ScenarioWorlds worlds = ScenarioWorlds.of(snapshot.dataset(), inputs);
        double countFrom = worlds.countFrom();
        double memory = worlds.memory(p);

        int horizon = inputs.horizonDays();
        int step = Math.max(1, (horizon + MAX_POINTS - 1) / MAX_POINTS);
        List<ScenarioIntensityView.Point> points = new ArrayList<>();
        double baselineTotal = 0;
        double scenarioTotal = 0;
        double baselineBefore = worlds.cumulative(p, memory, worlds.baseline(), countFrom);
        double scenarioBefore = worlds.cumulative(p, memory, worlds.scenario(), countFrom);
        for (int offset = 0; offset < horizon; offset += step) {
            int days = Math.min(step, horizon - offset);
            double end = countFrom + offset + days;
            double baselineAt = worlds.cumulative(p, memory, worlds.baseline(), end);
            double scenarioAt = worlds.cumulative(p, memory, worlds.scenario(), end);
            points.add(new ScenarioIntensityView.Point(
                    inputs.startDate().plusDays(offset),
                    days,
                    (baselineAt - baselineBefore) / days,
                    (scenarioAt - scenarioBefore) / days));
            baselineTotal += baselineAt - baselineBefore;
            scenarioTotal += scenarioAt - scenarioBefore;
            baselineBefore = baselineAt;
            scenarioBefore = scenarioAt;
        }
        LocalDate simulatedFrom = worlds.axis().start().plusDays((long) worlds.origin());
        return new ScenarioIntensityView(
                scenarioId,
                snapshot.id(),
                "expected heists per day",
                inputs.startDate(),
                inputs.startDate().plusDays(horizon - 1L),
                simulatedFrom,
                step,
                baselineTotal,
                scenarioTotal,
                points,
                worlds.added(),
                worlds.removed());
    }
}
