package io.sanctionsrisk.cadence.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.Sanction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterSimulatorTest {

    @Test
    void selfExcitingCountIsWithinFivePercentOfStationaryMean() {
        // classic check: mu = 0.5, alpha = 0.2, T = 10,000 gives about mu T / (1 - alpha) = 6,250 events
        CadenceParameters p = new CadenceParameters(0.5, 0, 0.2, 1.0, 1.0, 1);
        double expected = 0.5 * 10_000 / (1 - 0.2);
        for (long seed = 1; seed <= 5; seed++) {
            double[] events = ClusterSimulator.simulate(p, List.of(), 10_000, seed);
            assertEquals(expected, events.length, 0.05 * expected, "seed " + seed);
        }
    }

    @Test
    void sanctionImmigrantsFollowTheGammaKernelMass() {
        // no baseline to speak of, no excitation: the count is Poisson(kappa * sum w * P(k, delta (T - s)))
        CadenceParameters p = new CadenceParameters(1e-9, 50, 0, 1.0, 0.02, 2);
        List<Sanction> sanctions = List.of(new Sanction(100, 2), new Sanction(400, 4));
        double total = 0;
        double[] lags = new double[0];
        int runs = 200;
        for (long seed = 0; seed < runs; seed++) {
            double[] events = ClusterSimulator.simulate(p, sanctions, 10_000, seed);
            total += events.length;
        }
        double mean = total / runs;
        double expected = 50 * 6; // kernel mass fully inside the window
        double se = Math.sqrt(expected / runs);
        assertEquals(expected, mean, 4 * se);
        assertEquals(0, lags.length);
    }

    @Test
    void sameSeedGivesTheSameEventsAndAnAddedSanctionOnlyAddsEvents() {
        CadenceParameters p = new CadenceParameters(0.05, 2, 0.5, 0.3, 0.05, 2);
        List<Sanction> base = List.of(new Sanction(10, 3), new Sanction(200, 5));
        double[] first = ClusterSimulator.simulate(p, base, 1_000, 99);
        double[] again = ClusterSimulator.simulate(p, base, 1_000, 99);
        assertArrayEquals(first, again);
        List<Sanction> more = new ArrayList<>(base);
        more.add(new Sanction(500, 4));
        double[] scenario = ClusterSimulator.simulate(p, more, 1_000, 99);
        assertTrue(scenario.length >= first.length);
        List<Double> scenarioTimes = new ArrayList<>();
        Arrays.stream(scenario).forEach(scenarioTimes::add);
        for (double t : first) {
            assertTrue(scenarioTimes.contains(t), "every baseline event survives in the scenario");
        }
    }

    @Test
    void forwardSimulationOnlyReturnsEventsInsideTheInterval() {
        CadenceParameters p = new CadenceParameters(0.1, 1, 0.6, 0.2, 0.1, 1);
        double[] history = {1, 5, 9.5, 10};
        double[] future = ClusterSimulator.simulateForward(p, history, List.of(new Sanction(12, 2)), 10, 60, 5);
        assertTrue(future.length > 0);
        for (double t : future) {
            assertTrue(t > 10 && t <= 60);
        }
    }

    @Test
    void rejectsHistoryAfterTheForecastOrigin() {
        CadenceParameters p = new CadenceParameters(0.1, 1, 0.6, 0.2, 0.1, 1);
        assertThrows(
                IllegalArgumentException.class,
                () -> ClusterSimulator.simulateForward(p, new double[] {11}, List.of(), 10, 20, 1));
    }
}
