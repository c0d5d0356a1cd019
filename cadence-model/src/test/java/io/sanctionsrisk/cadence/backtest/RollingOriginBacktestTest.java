package io.sanctionsrisk.cadence.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceLikelihood;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.Sanction;
import io.sanctionsrisk.cadence.fit.CadenceFitter;
import io.sanctionsrisk.cadence.fit.FitOptions;
import io.sanctionsrisk.cadence.simulation.ClusterSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollingOriginBacktestTest {

    /** A strong, delayed sanctions effect: the full model should predict better than both baselines. */
    private static final CadenceParameters TRUTH = new CadenceParameters(0.01, 6, 0.3, 0.05, 0.02, 2);

    private static final double T = 4000;
    private static final double H = 365;
    private static final double[] ORIGINS = {1000, 1365, 1730, 2095, 2460, 2825, 3190, 3555};

    private static CadenceData simulated(CadenceParameters truth, long seed) {
        List<Sanction> sanctions = new ArrayList<>();
        for (int j = 0; j < 14; j++) {
            sanctions.add(new Sanction(-100 + 290.0 * j, 2 + j % 4));
        }
        return CadenceData.of(T, ClusterSimulator.simulate(truth, sanctions, T, seed), sanctions);
    }

    private static BacktestOptions options(boolean knownFuture) {
        FitOptions fit = FitOptions.defaults().withShape(2).withBudget(Duration.ofMinutes(5));
        return new BacktestOptions(fit, knownFuture, 1000, 42);
    }

    @Test
    void isDeterministic() {
        CadenceData data = simulated(TRUTH, 8);
        double[] origins = {2095, 2825, 3555};
        BacktestResult first = RollingOriginBacktest.run(data, origins, H, options(false));
        BacktestResult second = RollingOriginBacktest.run(data, origins, H, options(false));
        assertFalse(first.anyHitDeadline());
        assertEquals(first, second);
    }

    @Test
    void theFullModelBeatsBothBaselinesOutOfSampleWhenSanctionsDriveTheData() {
        CadenceData data = simulated(TRUTH, 8);
        BacktestResult result = RollingOriginBacktest.run(data, ORIGINS, H, options(true));
        assertEquals(ORIGINS.length, result.origins().size());
        int observed = 0;
        for (OriginResult r : result.origins()) {
            observed += r.observed();
            assertEquals(r.origin() + H, r.windowEnd());
            for (WindowForecast f : r.forecasts()) {
                assertTrue(Double.isFinite(f.logLikelihood()), f.toString());
                assertTrue(f.expected() > 0, f.toString());
                assertTrue(f.lower90() <= f.upper90(), f.toString());
            }
        }
        assertEquals(observed, result.events());
        assertTrue(result.events() > 50, "enough heists in the windows to score: " + result.events());
        ModelScore full = result.score(CadenceFitter.FULL);
        ModelScore hawkes = result.score(CadenceFitter.HAWKES);
        ModelScore poisson = result.score(CadenceFitter.POISSON);
        assertTrue(full.logLikelihoodPerEvent() > poisson.logLikelihoodPerEvent(), full + " vs " + poisson);
        assertTrue(full.logLikelihoodPerEvent() > hawkes.logLikelihoodPerEvent(), full + " vs " + hawkes);
        assertTrue(full.coverage90() >= 0.6, "90% intervals of the true model family: " + full);

        // the truth itself scores about as well as the fitted full model (no sign of a scoring error)
        double truthLl = 0;
        for (OriginResult r : result.origins()) {
            CadenceData through = window(data, r.windowEnd());
            CadenceData before = window(data, r.origin());
            truthLl += CadenceLikelihood.logLikelihood(through, TRUTH) - CadenceLikelihood.logLikelihood(before, TRUTH);
        }
        double truthPerEvent = truthLl / result.events();
        assertEquals(truthPerEvent, full.logLikelihoodPerEvent(), 0.25, "fitted vs true parameters");
    }

    @Test
    void onPoissonDataTheSanctionsTermDoesNotHelpOutOfSample() {
        CadenceParameters poissonTruth = new CadenceParameters(0.1, 0, 0, 1, 0.02, 2);
        CadenceData data = simulated(poissonTruth, 5);
        BacktestResult result = RollingOriginBacktest.run(data, ORIGINS, H, options(false));
        ModelScore full = result.score(CadenceFitter.FULL);
        ModelScore poisson = result.score(CadenceFitter.POISSON);
        // extra parameters fitted to noise cannot help much on new data
        assertTrue(full.logLikelihoodPerEvent() < poisson.logLikelihoodPerEvent() + 0.02, full + " vs " + poisson);
        assertTrue(poisson.coverage90() >= 0.6, poisson.toString());
    }

    @Test
    void rejectsOriginsOutsideTheDataOrWithoutHistory() {
        CadenceData data = simulated(TRUTH, 8);
        assertThrows(
                IllegalArgumentException.class,
                () -> RollingOriginBacktest.run(data, new double[] {3800}, H, options(false)));
        assertThrows(
                IllegalArgumentException.class,
                () -> RollingOriginBacktest.run(data, new double[] {2000, 1000}, H, options(false)));
        CadenceData late = CadenceData.of(T, new double[] {3000, 3100});
        assertThrows(
                IllegalArgumentException.class,
                () -> RollingOriginBacktest.run(late, new double[] {1000}, H, options(false)));
    }

    private static CadenceData window(CadenceData data, double end) {
        double[] times =
                java.util.Arrays.stream(data.eventTimes()).filter(t -> t <= end).toArray();
        return CadenceData.of(end, times, data.sanctions());
    }
}
