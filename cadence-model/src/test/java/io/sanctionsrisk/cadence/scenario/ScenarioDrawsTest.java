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
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Scenario paths under posterior draws: path i takes draw i modulo their number, in both worlds. */
class ScenarioDrawsTest {

    private static final CadenceParameters P = new CadenceParameters(0.02, 0.8, 0.4, 0.05, 0.02, 2);
    private static final double[] HISTORY = {10, 250, 600, 610, 880, 990.5};
    private static final double[] SHARES = {0.5, 0.3, 0.15, 0.05};
    private static final LossModel LOSS = new LossModel(0.8, 16.0, 1.5);

    private static List<ShockSource> sanctions(boolean added) {
        List<ShockSource> out = new ArrayList<>();
        out.add(new ShockSource(-200, 5, ShockSource.keyOf("UNSC-2094"), Membership.BOTH));
        out.add(new ShockSource(950, 4, ShockSource.keyOf("EU-7"), Membership.BOTH));
        if (added) {
            out.add(new ShockSource(1030, 5, ShockSource.keyOf("added:0"), Membership.SCENARIO));
        }
        return out;
    }

    private static List<PathDraw> draws(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<PathDraw> out = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            CadenceParameters p = new CadenceParameters(
                    P.mu() * Math.exp(0.3 * rng.nextGaussian()),
                    P.kappa() * Math.exp(0.5 * rng.nextGaussian()),
                    Math.min(0.9, P.alpha() * Math.exp(0.2 * rng.nextGaussian())),
                    P.beta() * Math.exp(0.3 * rng.nextGaussian()),
                    P.delta() * Math.exp(0.3 * rng.nextGaussian()),
                    P.shape());
            double[] shares = new double[SHARES.length];
            for (int c = 0; c < shares.length; c++) {
                shares[c] = SHARES[c] * Math.exp(0.5 * rng.nextGaussian());
            }
            out.add(new PathDraw(p, shares, new LossModel(0.8, 16.0 + 0.3 * rng.nextGaussian(), 1.5)));
        }
        return out;
    }

    private static ScenarioInput input(List<ShockSource> sanctions, int paths, long seed, List<PathDraw> draws) {
        return new ScenarioInput(P, HISTORY, sanctions, 1000, 1000, 1365, SHARES, LOSS, paths, seed, draws);
    }

    @Test
    void withDrawsAScenarioWithoutChangesStillEqualsItsBaselineExactly() {
        ScenarioPaths paths = ScenarioEngine.run(input(sanctions(false), 4000, 7, draws(50, 1)), 2);
        assertArrayEquals(paths.baselineCount(), paths.scenarioCount());
        assertArrayEquals(paths.baselineLoss(), paths.scenarioLoss());
        assertTrue(ScenarioStatistics.of(paths).baseline().count().mean() > 1);
    }

    @Test
    void withDrawsAnAddedSanctionNeverLowersAPathsCount() {
        ScenarioPaths paths = ScenarioEngine.run(input(sanctions(true), 4000, 11, draws(50, 2)), 2);
        for (int i = 0; i < paths.paths(); i++) {
            assertTrue(paths.scenarioCount()[i] >= paths.baselineCount()[i], "path " + i);
            assertTrue(paths.scenarioLoss()[i] >= paths.baselineLoss()[i], "path " + i);
        }
    }

    @Test
    void drawsAreDeterministicForASeedAndIndependentOfTheThreadCount() {
        List<PathDraw> draws = draws(40, 3);
        ScenarioStatistics one = ScenarioStatistics.of(ScenarioEngine.run(input(sanctions(true), 3000, 5, draws), 1));
        ScenarioStatistics two = ScenarioStatistics.of(ScenarioEngine.run(input(sanctions(true), 3000, 5, draws), 2));
        ScenarioStatistics three = ScenarioStatistics.of(ScenarioEngine.run(input(sanctions(true), 3000, 5, draws), 3));
        assertEquals(one, two);
        assertEquals(one, three);
        ScenarioStatistics other = ScenarioStatistics.of(ScenarioEngine.run(input(sanctions(true), 3000, 6, draws), 2));
        assertNotEquals(one.delta().count().mean(), other.delta().count().mean());
    }

    @Test
    void drawsThatAllEqualThePointGiveThePointsPathsBitForBit() {
        List<PathDraw> same = Collections.nCopies(7, new PathDraw(P, SHARES, LOSS));
        ScenarioPaths point = ScenarioEngine.run(input(sanctions(true), 2000, 9, List.of()), 2);
        ScenarioPaths drawn = ScenarioEngine.run(input(sanctions(true), 2000, 9, same), 2);
        assertArrayEquals(point.baselineCount(), drawn.baselineCount());
        assertArrayEquals(point.scenarioLoss(), drawn.scenarioLoss());
        assertArrayEquals(point.eventCell(), drawn.eventCell());
    }

    @Test
    void theMeanOverPathsMatchesTheMeanOfTheDrawsAnalyticExpectations() {
        List<PathDraw> draws = draws(20, 4);
        int paths = 40_000;
        ScenarioStatistics stats =
                ScenarioStatistics.of(ScenarioEngine.run(input(sanctions(true), paths, 13, draws), 2));
        double expected = 0;
        for (PathDraw d : draws) {
            CadenceParameters p = d.parameters();
            double memory = 0;
            for (double h : HISTORY) {
                memory += Math.exp(-p.beta() * (1000 - h));
            }
            List<Sanction> s = List.of(new Sanction(-200, 5), new Sanction(950, 4), new Sanction(1030, 5));
            expected += CadenceForecast.expectedCount(p, memory, s, 1000, 365).total() / draws.size();
        }
        double mean = stats.scenario().count().mean();
        double se = stats.scenario().count().standardError();
        assertTrue(Math.abs(mean - expected) < 4 * se, mean + " vs " + expected + " (se " + se + ")");
    }

    @Test
    void aDrawWithTheWrongNumberOfCellsIsRefused() {
        List<PathDraw> bad = List.of(new PathDraw(P, new double[] {1, 1}, null));
        assertThrows(IllegalArgumentException.class, () -> input(sanctions(false), 100, 1, bad));
        assertThrows(IllegalArgumentException.class, () -> new PathDraw(P, new double[] {0, 0}, null));
    }
}
