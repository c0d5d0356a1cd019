package io.sanctionsrisk.risk.scenario;

import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.Sanction;
import io.sanctionsrisk.cadence.forecast.CadenceForecast;
import io.sanctionsrisk.risk.dataset.DatasetEvent;
import io.sanctionsrisk.risk.dataset.DatasetSanction;
import io.sanctionsrisk.risk.dataset.ModelDataset;
import io.sanctionsrisk.risk.dataset.TimeAxis;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The expected heist rate of a scenario's baseline and scenario worlds over the counted horizon, from the mean
 * equation ({@link CadenceForecast}) with the same history, origin and sanctions as the simulation: the rate of a
 * step is the expected count in it divided by its length, so the steps add up to the expected counts at the fitted parameters
 * (the result's {@code analytic.fitted*ExpectedCount}).
 */
final class ScenarioCurves {

    /** At most this many points; the step grows with the horizon. */
    static final int MAX_POINTS = 183;

    private ScenarioCurves() {}

    static ScenarioIntensityView intensity(long scenarioId, LoadedSnapshot snapshot, ScenarioInputs inputs) {
        ModelDataset dataset = snapshot.dataset();
        CadenceParameters p = snapshot.parameters();
        TimeAxis axis = new TimeAxis(dataset.windowStart(), dataset.windowEnd());
        double countFrom = axis.dayOf(inputs.startDate());
        double countTo = countFrom + inputs.horizonDays();
        double origin = Math.min(countFrom, dataset.lengthDays());
        double memory = 0;
        for (DatasetEvent e : dataset.events()) {
            if (e.time() <= origin) {
                memory += Math.exp(-p.beta() * (origin - e.time()));
            }
        }

        Set<String> removedKeys = new HashSet<>(inputs.removeSanctions());
        List<Sanction> baseline = new ArrayList<>();
        List<Sanction> scenario = new ArrayList<>();
        List<ScenarioIntensityView.Mark> removed = new ArrayList<>();
        for (DatasetSanction s : dataset.sanctions()) {
            if (s.weight() <= 0) {
                continue;
            }
            baseline.add(new Sanction(s.time(), s.weight()));
            if (s.key() != null && removedKeys.contains(s.key())) {
                removed.add(new ScenarioIntensityView.Mark(s.key(), s.date(), s.authority(), s.weight()));
            } else {
                scenario.add(new Sanction(s.time(), s.weight()));
            }
        }
        List<ScenarioIntensityView.Mark> added = new ArrayList<>();
        for (ScenarioInputs.Sanction a : inputs.addSanctions()) {
            scenario.add(new Sanction(axis.dayOf(a.date()), a.weight()));
            added.add(new ScenarioIntensityView.Mark(a.key(), a.date(), a.authority(), a.weight()));
        }

        int horizon = inputs.horizonDays();
        int step = Math.max(1, (horizon + MAX_POINTS - 1) / MAX_POINTS);
        List<ScenarioIntensityView.Point> points = new ArrayList<>();
        double baselineTotal = 0;
        double scenarioTotal = 0;
        double baselineBefore = cumulative(p, memory, baseline, origin, countFrom);
        double scenarioBefore = cumulative(p, memory, scenario, origin, countFrom);
        for (int offset = 0; offset < horizon; offset += step) {
            int days = Math.min(step, horizon - offset);
            double end = countFrom + offset + days;
            double baselineAt = cumulative(p, memory, baseline, origin, end);
            double scenarioAt = cumulative(p, memory, scenario, origin, end);
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
        LocalDate simulatedFrom = axis.start().plusDays((long) origin);
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
                added,
                removed);
    }

    // E[N(origin, to]]; zero for an empty interval
    private static double cumulative(
            CadenceParameters p, double memory, List<Sanction> sanctions, double origin, double to) {
        return to > origin
                ? CadenceForecast.expectedCount(p, memory, sanctions, origin, to - origin)
                        .total()
                : 0;
    }
}
