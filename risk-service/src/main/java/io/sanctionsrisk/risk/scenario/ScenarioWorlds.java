package io.sanctionsrisk.risk.scenario;

import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.Sanction;
import io.sanctionsrisk.cadence.forecast.CadenceForecast;
import io.sanctionsrisk.cadence.scenario.ShockSource;
import io.sanctionsrisk.risk.dataset.DatasetEvent;
import io.sanctionsrisk.risk.dataset.DatasetSanction;
import io.sanctionsrisk.risk.dataset.ModelDataset;
import io.sanctionsrisk.risk.dataset.TimeAxis;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A scenario's two worlds on a snapshot's data, built once for the simulation and for the expected-rate curves, so
 * the curves add up to the simulation's expected counts: the time axis, the counted horizon, where the simulation
 * starts (the count's start, or the data's end when it lies beyond), the heists before it, the sanctions of each
 * world (a lifted sanction is in the baseline only, an added one in the scenario only), the shock sources the engine
 * simulates, and the added and lifted sanctions as marks.
 *
 * @param origin where the simulation starts, in days from the window start
 * @param history the heists' times up to {@code origin}, in the dataset's order
 */
record ScenarioWorlds(
        TimeAxis axis,
        double countFrom,
        double countTo,
        double origin,
        double[] history,
        List<Sanction> baseline,
        List<Sanction> scenario,
        List<ShockSource> sources,
        List<ScenarioIntensityView.Mark> added,
        List<ScenarioIntensityView.Mark> removed) {

    static ScenarioWorlds of(ModelDataset dataset, ScenarioInputs inputs) {
        TimeAxis axis = new TimeAxis(dataset.windowStart(), dataset.windowEnd());
        double countFrom = axis.dayOf(inputs.startDate());
        double countTo = countFrom + inputs.horizonDays();
        double origin = Math.min(countFrom, dataset.lengthDays());
        List<Double> times = new ArrayList<>();
        for (DatasetEvent e : dataset.events()) {
            if (e.time() <= origin) {
                times.add(e.time());
            }
        }
        double[] history = times.stream().mapToDouble(Double::doubleValue).toArray();

        Set<String> lifted = new HashSet<>(inputs.removeSanctions());
        List<ShockSource> sources = new ArrayList<>();
        List<Sanction> baseline = new ArrayList<>();
        List<Sanction> scenario = new ArrayList<>();
        List<ScenarioIntensityView.Mark> removed = new ArrayList<>();
        List<DatasetSanction> sanctions = dataset.sanctions();
        for (int j = 0; j < sanctions.size(); j++) {
            DatasetSanction s = sanctions.get(j);
            if (s.weight() <= 0) {
                continue;
            }
            boolean gone = s.key() != null && lifted.contains(s.key());
            String key = s.key() != null ? "sanction:" + s.key() : "sanction#" + j;
            sources.add(new ShockSource(
                    s.time(),
                    s.weight(),
                    ShockSource.keyOf(key),
                    gone ? ShockSource.Membership.BASELINE : ShockSource.Membership.BOTH));
            baseline.add(new Sanction(s.time(), s.weight()));
            if (gone) {
                removed.add(new ScenarioIntensityView.Mark(s.key(), s.date(), s.authority(), s.weight()));
            } else {
                scenario.add(new Sanction(s.time(), s.weight()));
            }
        }
        List<ScenarioIntensityView.Mark> added = new ArrayList<>();
        for (ScenarioInputs.Sanction a : inputs.addSanctions()) {
            double time = axis.dayOf(a.date());
            sources.add(new ShockSource(
                    time, a.weight(), ShockSource.keyOf("added:" + a.key()), ShockSource.Membership.SCENARIO));
            scenario.add(new Sanction(time, a.weight()));
            added.add(new ScenarioIntensityView.Mark(a.key(), a.date(), a.authority(), a.weight()));
        }
        return new ScenarioWorlds(
                axis, countFrom, countTo, origin, history, baseline, scenario, sources, added, removed);
    }

    /** The self-excitation left at the origin by the heists before it, under {@code p}. */
    double memory(CadenceParameters p) {
        double memory = 0;
        for (double h : history) {
            memory += Math.exp(-p.beta() * (origin - h));
        }
        return memory;
    }

    /** E[N(origin, to]] of one world from the mean equation; zero for an empty interval. */
    double cumulative(CadenceParameters p, double memory, List<Sanction> sanctions, double to) {
        return to > origin
                ? CadenceForecast.expectedCount(p, memory, sanctions, origin, to - origin)
                        .total()
                : 0;
    }

    /** E[N(countFrom, countTo]] of one world: over (origin, countTo] less the gap (origin, countFrom]. */
    double expected(CadenceParameters p, double memory, List<Sanction> sanctions) {
        return cumulative(p, memory, sanctions, countTo) - cumulative(p, memory, sanctions, countFrom);
    }
}
