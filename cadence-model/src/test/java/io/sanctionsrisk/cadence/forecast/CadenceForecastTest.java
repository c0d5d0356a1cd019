package io.sanctionsrisk.cadence.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.Sanction;
import io.sanctionsrisk.cadence.simulation.ClusterSimulator;
import java.util.List;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CadenceForecastTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void expectedCountMatchesTheMonteCarloMeanOfForwardSimulation(int k) {
        CadenceParameters p = new CadenceParameters(0.05, 4, 0.5, 0.1, 0.02 * k, k);
        double[] history = {10, 40, 41, 90, 98, 99.5};
        List<Sanction> past = List.of(new Sanction(-30, 3), new Sanction(60, 5));
        List<Sanction> future = List.of(new Sanction(130, 4));
        CadenceData data = CadenceData.of(100, history, past);
        ExpectedCount expected = CadenceForecast.expectedCount(data, p, future, 200);
        List<Sanction> all = List.of(past.get(0), past.get(1), future.get(0));
        int paths = 4000;
        double sum = 0;
        double sumSq = 0;
        for (long seed = 0; seed < paths; seed++) {
            int count = ClusterSimulator.simulateForward(p, history, all, 100, 300, seed).length;
            sum += count;
            sumSq += (double) count * count;
        }
        double mean = sum / paths;
        double se = Math.sqrt((sumSq / paths - mean * mean) / paths);
        assertEquals(expected.total(), mean, 3 * se, "analytic " + expected + " vs simulated " + mean);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void dampedKernelIntegralMatchesQuadrature(int k) {
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-14);
        double[][] cases = {{0.05, 0.2, 0, 300}, {0.3, 0.05, 20, 180}, {0.1, 0.1, 5, 90}, {0.1, 0.1 + 1e-12, 0, 50}};
        for (double[] c : cases) {
            double delta = c[0];
            double decay = c[1];
            double v0 = c[2];
            double v1 = c[3];
            double numeric = integrator.integrate(
                    1_000_000,
                    v -> Math.pow(delta, k)
                            * Math.pow(v, k - 1)
                            * Math.exp(-delta * v)
                            / (k == 3 ? 2 : 1)
                            * Math.exp(-decay * (v1 - v)),
                    v0,
                    v1);
            assertEquals(numeric, CadenceForecast.dampedKernelIntegral(k, delta, decay, v0, v1), 1e-9 * numeric);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.3, 0.7})
    void approachesTheStationaryRateOverALongHorizon(double alpha) {
        CadenceParameters p = new CadenceParameters(0.2, 0, alpha, 1.0, 0.1, 1);
        ExpectedCount e = CadenceForecast.expectedCount(p, 0, List.of(), 0, 20_000);
        assertEquals(0.2 * 20_000 / (1 - alpha), e.total(), 1e-3 * e.total());
        assertEquals(0, e.sanctions());
        assertEquals(0, e.selfExcitation());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void anAddedSanctionNeverLowersTheExpectedCount(int k) {
        CadenceParameters p = new CadenceParameters(0.05, 2, 0.4, 0.2, 0.05, k);
        CadenceData data = CadenceData.of(100, new double[] {5, 50}, List.of(new Sanction(20, 2)));
        ExpectedCount base = CadenceForecast.expectedCount(data, p, List.of(), 365);
        ExpectedCount more = CadenceForecast.expectedCount(data, p, List.of(new Sanction(130, 5)), 365);
        assertTrue(more.total() > base.total());
        assertEquals(base.baseline(), more.baseline(), 0);
        assertEquals(base.selfExcitation(), more.selfExcitation(), 0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, 1e9})
    void rejectsHorizonsOutOfRange(double horizon) {
        CadenceData data = CadenceData.of(100, new double[] {5});
        CadenceParameters p = new CadenceParameters(0.05, 2, 0.4, 0.2, 0.05, 1);
        assertThrows(IllegalArgumentException.class, () -> CadenceForecast.expectedCount(data, p, List.of(), horizon));
    }
}
