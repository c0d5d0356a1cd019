package io.sanctionsrisk.cadence.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.Sanction;
import io.sanctionsrisk.cadence.forecast.CadenceForecast;
import io.sanctionsrisk.cadence.scenario.ShockSource.Membership;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScenarioEngineTest {

    private static final CadenceParameters P = new CadenceParameters(0.02, 0.8, 0.4, 0.05, 0.02, 2);
    private static final double[] HISTORY = {10, 250, 600, 610, 880, 990.5};
    private static final double[] SHARES = {0.5, 0.3, 0.15, 0.05};
    private static final LossModel LOSS = new LossModel(0.8, 16.0, 1.5);

    private static List<ShockSource> existing(Membership removedOne) {
        List<ShockSource> out = new ArrayList<>();
        out.add(new ShockSource(-200, 5, ShockSource.keyOf("UNSC-2094"), Membership.BOTH));
        out.add(new ShockSource(700, 3, ShockSource.keyOf("OFAC-1"), removedOne));
        out.add(new ShockSource(950, 4, ShockSource.keyOf("EU-7"), Membership.BOTH));
        return out;
    }

    private static ScenarioInput input(List<ShockSource> sanctions, int paths, long seed) {
        return new ScenarioInput(P, HISTORY, sanctions, 1000, 1000, 1365, SHARES, LOSS, paths, seed);
    }

    @Test
    void aScenarioWithoutChangesEqualsItsBaselineExactly() {
        ScenarioPaths paths = ScenarioEngine.run(input(existing(Membership.BOTH), 5000, 7), 2);
        assertArrayEquals(paths.baselineCount(), paths.scenarioCount());
        assertArrayEquals(paths.baselineLoss(), paths.scenarioLoss());
        ScenarioStatistics stats = ScenarioStatistics.of(paths);
        assertEquals(stats.baseline(), stats.scenario());
        assertEquals(0.0, stats.delta().count().mean());
        assertEquals(0.0, stats.delta().count().standardError());
        assertEquals(0.0, stats.delta().loss().q95());
        assertTrue(stats.baseline().count().mean() > 1, "the baseline has heists to compare");
        for (CellSummary c : stats.cells()) {
            assertEquals(c.baseline(), c.scenario());
        }
    }

    @Test
    void anAddedSanctionWithPositiveWeightNeverLowersAPathsCount() {
        List<ShockSource> sanctions = existing(Membership.BOTH);
        sanctions.add(new ShockSource(1030, 5, ShockSource.keyOf("added:0"), Membership.SCENARIO));
        ScenarioPaths paths = ScenarioEngine.run(input(sanctions, 5000, 11), 2);
        int raised = 0;
        for (int i = 0; i < paths.paths(); i++) {
            assertTrue(paths.scenarioCount()[i] >= paths.baselineCount()[i], "path " + i);
            assertTrue(paths.scenarioLoss()[i] >= paths.baselineLoss()[i], "path " + i);
            if (paths.scenarioCount()[i] > paths.baselineCount()[i]) {
                raised++;
            }
        }
        assertTrue(raised > 1000, "kappa w = 4 expected immigrants: most paths gain heists, got " + raised);
        ScenarioStatistics stats = ScenarioStatistics.of(paths);
        assertTrue(stats.delta().count().meanLower95() > 0);
        assertTrue(stats.delta().count().q05() >= 0);
    }

    @Test
    void aRemovedSanctionNeverRaisesAPathsCount() {
        ScenarioPaths paths = ScenarioEngine.run(input(existing(Membership.BASELINE), 3000, 5), 1);
        int lowered = 0;
        for (int i = 0; i < paths.paths(); i++) {
            assertTrue(paths.scenarioCount()[i] <= paths.baselineCount()[i], "path " + i);
            if (paths.scenarioCount()[i] < paths.baselineCount()[i]) {
                lowered++;
            }
        }
        // a removal that the engine ignored would leave every path as it was
        assertTrue(lowered > 0, "no path lost a heist when the sanctions were removed");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void monteCarloMeanCountIsWithinThreeStandardErrorsOfTheAnalyticExpectation(int k) {
        CadenceParameters p = new CadenceParameters(0.02, 0.8, 0.4, 0.05, 0.01 * k, k);
        List<ShockSource> sanctions = existing(Membership.BOTH);
        sanctions.add(new ShockSource(1100, 5, ShockSource.keyOf("added:0"), Membership.SCENARIO));
        // data end at 1000, scenario counted on (1100, 1465]: the gap is simulated, not counted
        ScenarioInput in = new ScenarioInput(p, HISTORY, sanctions, 1000, 1100, 1465, SHARES, null, 20_000, 99);
        ScenarioStatistics stats = ScenarioStatistics.of(ScenarioEngine.run(in, 2));
        double memory = 0;
        for (double h : HISTORY) {
            memory += Math.exp(-p.beta() * (1000 - h));
        }
        List<Sanction> base = new ArrayList<>();
        for (ShockSource s : existing(Membership.BOTH)) {
            base.add(new Sanction(s.time(), s.weight()));
        }
        List<Sanction> all = new ArrayList<>(base);
        all.add(new Sanction(1100, 5));
        double baseline = CadenceForecast.expectedCount(p, memory, base, 1000, 465)
                        .total()
                - CadenceForecast.expectedCount(p, memory, base, 1000, 100).total();
        double scenario = CadenceForecast.expectedCount(p, memory, all, 1000, 465)
                        .total()
                - CadenceForecast.expectedCount(p, memory, all, 1000, 100).total();
        Distribution b = stats.baseline().count();
        Distribution s = stats.scenario().count();
        assertEquals(baseline, b.mean(), 3 * b.standardError(), "baseline " + b);
        assertEquals(scenario, s.mean(), 3 * s.standardError(), "scenario " + s);
        Distribution d = stats.delta().count();
        assertEquals(scenario - baseline, d.mean(), 3 * d.standardError(), "delta " + d);
    }

    @Test
    void theSameSeedGivesIdenticalResultsOnOneAndOnTwoThreads() {
        List<ShockSource> sanctions = existing(Membership.BASELINE);
        sanctions.add(new ShockSource(1030, 5, ShockSource.keyOf("added:0"), Membership.SCENARIO));
        ScenarioInput in = input(sanctions, 3 * ScenarioEngine.CHUNK + 17, 2024);
        ScenarioPaths one = ScenarioEngine.run(in, 1);
        ScenarioPaths two = ScenarioEngine.run(in, 2);
        ScenarioPaths four = ScenarioEngine.run(in, 4);
        for (ScenarioPaths other : List.of(two, four)) {
            assertArrayEquals(one.baselineCount(), other.baselineCount());
            assertArrayEquals(one.scenarioCount(), other.scenarioCount());
            assertArrayEquals(one.baselineLoss(), other.baselineLoss());
            assertArrayEquals(one.scenarioLoss(), other.scenarioLoss());
            assertArrayEquals(one.pathStart(), other.pathStart());
            assertArrayEquals(one.eventCell(), other.eventCell());
            assertArrayEquals(one.eventLoss(), other.eventLoss());
            assertArrayEquals(one.eventWorlds(), other.eventWorlds());
            assertEquals(ScenarioStatistics.of(one), ScenarioStatistics.of(other));
        }
        ScenarioPaths otherSeed = ScenarioEngine.run(input(sanctions, in.paths(), 2025), 2);
        assertNotEquals(ScenarioStatistics.of(one), ScenarioStatistics.of(otherSeed));
    }

    @Test
    void aPathDependsOnItsIndexNotOnHowManyPathsRun() {
        ScenarioPaths small = ScenarioEngine.run(input(existing(Membership.BOTH), 100, 3), 1);
        ScenarioPaths large = ScenarioEngine.run(input(existing(Membership.BOTH), 1000, 3), 2);
        for (int i = 0; i < 100; i++) {
            assertEquals(small.baselineCount()[i], large.baselineCount()[i]);
            assertEquals(small.baselineLoss()[i], large.baselineLoss()[i]);
        }
    }

    @Test
    void cellsFollowTheSharesAndLossesTheSeverity() {
        ScenarioPaths paths = ScenarioEngine.run(input(existing(Membership.BOTH), 20_000, 17), 2);
        long[] perCell = new long[SHARES.length];
        double lossSum = 0;
        int positive = 0;
        for (int e = 0; e < paths.eventCount(); e++) {
            perCell[paths.eventCell()[e]]++;
            if (paths.eventLoss()[e] > 0) {
                positive++;
                lossSum += paths.eventLoss()[e];
            }
        }
        long total = paths.eventCount();
        for (int c = 0; c < SHARES.length; c++) {
            double share = (double) perCell[c] / total;
            double se = Math.sqrt(SHARES[c] * (1 - SHARES[c]) / total);
            assertEquals(SHARES[c], share, 4 * se, "cell " + c);
        }
        assertEquals(0.8, (double) positive / total, 0.02);
        double meanPositive = Math.exp(16.0 + 0.5 * 1.5 * 1.5);
        assertEquals(meanPositive, lossSum / positive, 0.15 * meanPositive);
        ScenarioStatistics stats = ScenarioStatistics.of(paths);
        double cellMeans = stats.cells().stream()
                .mapToDouble(c -> c.baseline().count().mean())
                .sum();
        assertEquals(stats.baseline().count().mean(), cellMeans, 1e-9);
        assertEquals(SHARES.length, stats.cells().size() + stats.cellsWithoutHeists());
        List<ExceedancePoint> curve = stats.lossExceedance();
        for (int i = 1; i < curve.size(); i++) {
            assertTrue(curve.get(i).baselineLoss() >= curve.get(i - 1).baselineLoss(), "curve rises as p falls");
        }
    }

    @Test
    void stopsAtTheEventLimitInsteadOfExhaustingMemory() {
        CadenceParameters hot = new CadenceParameters(50, 0, 0.9, 1, 0.1, 1);
        ScenarioInput in = new ScenarioInput(hot, new double[0], List.of(), 0, 0, 3650, SHARES, null, 200, 1);
        assertThrows(IllegalArgumentException.class, () -> ScenarioEngine.run(in, 2));
    }

    @Test
    void rejectsBadInputs() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new ScenarioInput(P, HISTORY, List.of(), 1000, 999, 1365, SHARES, null, 10, 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ScenarioInput(P, new double[] {1001}, List.of(), 1000, 1000, 1365, SHARES, null, 10, 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ScenarioInput(P, HISTORY, List.of(), 1000, 1000, 1365, new double[] {0, 0}, null, 10, 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ScenarioInput(P, HISTORY, List.of(), 1000, 1000, 1365, SHARES, null, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new LossModel(1.5, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> ScenarioEngine.run(input(List.of(), 10, 1), 0));
    }
}
