package io.sanctionsrisk.cadence.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.Sanction;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrendFitterTest {

    private static final double T = 4000;

    // A Poisson process of rate mu exp(gamma (t - T/2) / T) by thinning, with sanctions that do nothing.
    private static CadenceData trended(double mu, double gamma, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double top = mu * Math.exp(Math.abs(gamma) / 2);
        List<Double> events = new ArrayList<>();
        double t = 0;
        while (true) {
            t += -Math.log(1 - rng.nextDouble()) / top;
            if (t > T) {
                break;
            }
            if (rng.nextDouble() * top < mu * Math.exp(gamma * (t / T - 0.5))) {
                events.add(t);
            }
        }
        List<Sanction> sanctions = SimulatedData.sanctions(T, 20, seed + 1);
        return CadenceData.of(
                T, events.stream().mapToDouble(Double::doubleValue).toArray(), sanctions);
    }

    @Test
    void aTrendInTheBaselineIsRecoveredAndPreferredByAic() {
        CadenceData data = trended(0.05, 2.0, 3);
        CadenceFit stationary = CadenceFitter.fit(data, FitOptions.defaults().withShape(2));
        TrendFit trend = TrendFitter.fit(data, stationary, FitOptions.defaults());
        assertTrue(trend.converged());
        assertEquals(2.0, trend.gamma(), 0.5);
        // the stationary model mimics part of a trend (slow excitation, late sanctions), so the gain is modest
        assertTrue(trend.deltaAic() < -2, "delta AIC " + trend.deltaAic());
        assertTrue(trend.likelihoodRatioPValue() < 0.05);
    }

    @Test
    void withoutATrendTheTrendModelIsNeverWorseAndRarelyPreferred() {
        int preferred = 0;
        for (long seed = 1; seed <= 5; seed++) {
            CadenceData data = trended(0.05, 0.0, 10 + seed);
            CadenceFit stationary =
                    CadenceFitter.fit(data, FitOptions.defaults().withShape(1));
            TrendFit trend = TrendFitter.fit(data, stationary, FitOptions.defaults());
            assertTrue(trend.logLikelihood() >= stationary.logLikelihood() - 1e-9);
            assertEquals(trend.aic() - stationary.aic(), trend.deltaAic(), 1e-12);
            preferred += trend.deltaAic() < -2 ? 1 : 0;
        }
        assertTrue(preferred <= 1, "a spurious trend preferred in " + preferred + " of 5");
    }

    @Test
    void theCuratedTrendFitIsReportedAgainstTheStationaryOne() {
        CadenceData data = CuratedData.load();
        CadenceFit stationary = CadenceFitter.fit(data);
        TrendFit trend = TrendFitter.fit(data, stationary, FitOptions.defaults());
        assertTrue(trend.logLikelihood() >= stationary.logLikelihood() - 1e-9);
        assertEquals(stationary.parameters().shape(), trend.parameters().shape());
        System.out.println("curated trend fit: " + trend);
        assertThrows(
                IllegalArgumentException.class,
                () -> TrendFitter.fit(trended(0.05, 0, 1), stationary, FitOptions.defaults()));
    }
}
