package io.sanctionsrisk.cadence.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.Sanction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fitter reaches the global optimum: against an independent dense multi-start, on curated and simulated data. */
class GlobalOptimumTest {

    /** The fitter may fall short of the brute-force optimum by at most this (log-likelihood units). */
    private static final double SHORTFALL = 1e-4;

    @Test
    void curatedDataReachTheBestKnownOptimumForEveryShapeAndServeShapeThree() {
        CadenceData data = CuratedData.load();
        double[] expected = {-238.6242, -237.7388, -237.7236};
        for (int k = 1; k <= 3; k++) {
            CadenceFit fit = CadenceFitter.fit(data, FitOptions.defaults().withShape(k));
            double brute = DenseMultiStart.best(data, k, 7);
            assertTrue(fit.logLikelihood() >= brute - SHORTFALL, "k=" + k + ": " + fit.logLikelihood() + " < " + brute);
            assertEquals(expected[k - 1], fit.logLikelihood(), 5e-5, "k=" + k);
            assertTrue(fit.converged(), "k=" + k);
        }
        CadenceFit served = CadenceFitter.fit(data);
        CadenceParameters p = served.parameters();
        assertEquals(3, p.shape());
        assertEquals(0.00323, p.mu(), 0.00001);
        assertEquals(0.254, p.kappa(), 0.001);
        assertEquals(0.614, p.alpha(), 0.001);
        assertEquals(ParameterBounds.RATE_MIN, p.beta(), 1e-12);
        assertEquals(0.0104, p.delta(), 0.0001);
    }

    @Test
    void akaikeWeightsCoverTheBaselinesAndEveryShapeAndSumToOne() {
        CadenceFit fit = CadenceFitter.fit(CuratedData.load());
        List<AicWeight> weights = fit.aicWeights();
        assertEquals(5, weights.size());
        assertEquals(1.0, weights.stream().mapToDouble(AicWeight::weight).sum(), 1e-12);
        AicWeight best = weights.stream()
                .max((a, b) -> Double.compare(a.weight(), b.weight()))
                .orElseThrow();
        assertEquals(3, best.shape());
        assertEquals(fit.aic(), best.aic(), 1e-9);
        assertEquals(0, best.deltaAic(), 0);
        for (AicWeight w : weights) {
            assertEquals(Math.exp(-w.deltaAic() / 2), w.weight() / best.weight(), 1e-12);
        }
        System.out.println("curated AIC weights: " + weights);
    }

    @Test
    void theAnswerDoesNotDependOnTheConfiguredNumberOfStarts() {
        List<CadenceData> sets = new ArrayList<>();
        sets.add(CuratedData.load());
        for (long seed = 1; seed <= 4; seed++) {
            sets.add(simulated(seed));
        }
        for (CadenceData data : sets) {
            CadenceFit one = CadenceFitter.fit(data, FitOptions.defaults().withStarts(1));
            for (int starts : new int[] {3, 9}) {
                CadenceFit more = CadenceFitter.fit(data, FitOptions.defaults().withStarts(starts));
                assertEquals(one.parameters(), more.parameters(), data + " starts=" + starts);
                assertEquals(one.logLikelihood(), more.logLikelihood(), 0.0);
            }
        }
    }

    @Test
    void simulatedDataSetsReachTheBruteForceOptimumAndConvergedMeansIt() {
        int sets = 20;
        int converged = 0;
        double worst = Double.NEGATIVE_INFINITY;
        for (long seed = 1; seed <= sets; seed++) {
            CadenceData data = simulated(seed);
            CadenceFit fit = CadenceFitter.fit(data, FitOptions.defaults().withShape(2));
            double brute = DenseMultiStart.best(data, 2, 5);
            double shortfall = brute - fit.logLikelihood();
            worst = Math.max(worst, shortfall);
            assertTrue(shortfall <= SHORTFALL, "seed " + seed + " falls short by " + shortfall);
            converged += fit.converged() ? 1 : 0;
        }
        assertTrue(converged >= sets - 2, "converged on " + converged + " of " + sets);
        System.out.printf(
                "simulated sets: %d converged of %d, largest shortfall to brute force %.2e%n", converged, sets, worst);
    }

    /** About 50 to 150 heists over 4,000 days with 25 sanctions; decay rates vary with the seed. */
    static CadenceData simulated(long seed) {
        double T = 4000;
        double[] betas = {0.002, 0.05, 1.0};
        double[] deltas = {0.005, 0.02};
        CadenceParameters truth =
                new CadenceParameters(0.008, 0.25, 0.4, betas[(int) (seed % 3)], deltas[(int) (seed % 2)], 2);
        List<Sanction> sanctions = SimulatedData.sanctions(T, 25, 100 + seed);
        return SimulatedData.simulate(truth, sanctions, T, seed);
    }
}
