package io.sanctionsrisk.cadence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrendLikelihoodTest {

    private static final double T = 500;

    private static double[] events() {
        SplittableRandom rng = new SplittableRandom(11);
        double[] t = new double[40];
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.floor(rng.nextDouble() * T * 4) / 4; // quarter-day grid: some ties
        }
        java.util.Arrays.sort(t);
        return t;
    }

    private static final List<Sanction> SANCTIONS =
            List.of(new Sanction(-40, 3), new Sanction(60, 5), new Sanction(210, 2), new Sanction(400, 4));

    // Brute force: the definition's intensity with the trended baseline, Simpson's rule for its integral.
    private static double bruteForce(double[] events, CadenceParameters p, double gamma) {
        double sum = 0;
        for (double t : events) {
            double constant = BruteForce.intensity(events, SANCTIONS, p, t);
            sum += Math.log(constant - p.mu() + p.mu() * Math.exp(gamma * (t / T - 0.5)));
        }
        int steps = 200_000;
        double h = T / steps;
        double integral = 0;
        for (int s = 0; s <= steps; s++) {
            double w = s == 0 || s == steps ? 1 : (s % 2 == 1 ? 4 : 2);
            integral += w * Math.exp(gamma * (s * h / T - 0.5));
        }
        integral *= h / 3;
        double rest = BruteForce.compensator(T, events, SANCTIONS, p) - p.mu() * T;
        return sum - p.mu() * integral - rest;
    }

    @Test
    void theTrendedLikelihoodEqualsTheDefinitionForEveryShape() {
        double[] events = events();
        CadenceData data = CadenceData.of(T, events, SANCTIONS);
        for (int k = 1; k <= 3; k++) {
            CadenceParameters p = new CadenceParameters(0.04, 0.3, 0.35, 0.2, 0.03, k);
            for (double gamma : new double[] {-2.5, -0.3, 1e-6, 0.7, 3}) {
                double expected = bruteForce(events, p, gamma);
                assertEquals(expected, CadenceLikelihood.logLikelihood(data, p, gamma), 1e-8 * Math.abs(expected));
            }
            assertEquals(CadenceLikelihood.logLikelihood(data, p), CadenceLikelihood.logLikelihood(data, p, 0.0), 0.0);
        }
    }

    @Test
    void theTrendGradientEqualsCentralDifferences() {
        CadenceData data = CadenceData.of(T, events(), SANCTIONS);
        for (int k = 1; k <= 3; k++) {
            double[] theta = {0.04, 0.3, 0.35, 0.2, 0.03, 0.8};
            double[] g = CadenceLikelihood.logLikelihoodAndGradient(data, at(theta, k), theta[5])
                    .gradient();
            for (int q = 0; q < 6; q++) {
                double h = 1e-6 * Math.max(1e-3, Math.abs(theta[q]));
                double[] up = theta.clone();
                double[] down = theta.clone();
                up[q] += h;
                down[q] -= h;
                double numeric = (CadenceLikelihood.logLikelihood(data, at(up, k), up[5])
                                - CadenceLikelihood.logLikelihood(data, at(down, k), down[5]))
                        / (2 * h);
                assertEquals(numeric, g[q], 1e-5 * Math.max(1, Math.abs(numeric)), "k=" + k + " q=" + q);
            }
        }
    }

    @Test
    void theBaselineMassIsTheIntegralAndGammaMustBeFinite() {
        assertEquals(T, CadenceLikelihood.trendBaselineMass(0, T), 0);
        assertEquals(2 * T * Math.sinh(1.5) / 3, CadenceLikelihood.trendBaselineMass(3, T), 1e-9);
        assertEquals(T * (1 + 1e-10 / 24), CadenceLikelihood.trendBaselineMass(1e-5, T), 1e-9);
        CadenceData data = CadenceData.of(T, events(), SANCTIONS);
        CadenceParameters p = new CadenceParameters(0.04, 0.3, 0.35, 0.2, 0.03, 1);
        assertThrows(IllegalArgumentException.class, () -> CadenceLikelihood.logLikelihood(data, p, Double.NaN));
    }

    private static CadenceParameters at(double[] theta, int k) {
        return new CadenceParameters(theta[0], theta[1], theta[2], theta[3], theta[4], k);
    }
}
