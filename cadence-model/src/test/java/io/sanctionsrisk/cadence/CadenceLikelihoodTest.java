package io.sanctionsrisk.cadence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CadenceLikelihoodTest {

    private static final double T = 400;

    private static CadenceData randomData(long seed, int n, int m, boolean withTies) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] events = new double[n];
        for (int i = 0; i < n; i++) {
            events[i] = rng.nextDouble() * T;
        }
        if (withTies) {
            events[5] = events[4];
            events[6] = events[4];
            events[n - 1] = T;
        }
        List<Sanction> sanctions = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            sanctions.add(new Sanction(-100 + rng.nextDouble() * (T + 150), 1 + rng.nextInt(5)));
        }
        sanctions.add(new Sanction(events[10], 2.0)); // a sanction tied with an event
        return CadenceData.of(T, events, sanctions);
    }

    private static CadenceParameters params(int k) {
        return new CadenceParameters(0.05, 0.4, 0.35, 0.2, 0.03 * k, k);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void recursiveLogLikelihoodEqualsBruteForceSum(int k) {
        for (long seed = 1; seed <= 5; seed++) {
            CadenceData data = randomData(seed, 300, 12, seed % 2 == 0);
            CadenceParameters p = params(k);
            double fast = CadenceLikelihood.logLikelihood(data, p);
            double slow = BruteForce.logLikelihood(T, data.eventTimes(), data.sanctions(), p);
            assertEquals(slow, fast, 1e-9 * Math.abs(slow), "seed " + seed);
            double withGradient =
                    CadenceLikelihood.logLikelihoodAndGradient(data, p).logLikelihood();
            assertEquals(fast, withGradient, 1e-12 * Math.abs(fast));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void analyticGradientMatchesCentralFiniteDifferences(int k) {
        CadenceData data = randomData(42, 250, 10, true);
        CadenceParameters p = params(k);
        double[] analytic = CadenceLikelihood.logLikelihoodAndGradient(data, p).gradient();
        double[] theta = {p.mu(), p.kappa(), p.alpha(), p.beta(), p.delta()};
        for (int q = 0; q < 5; q++) {
            double h = 1e-6 * theta[q];
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[q] += h;
            down[q] -= h;
            double numeric = (CadenceLikelihood.logLikelihood(data, of(up, k))
                            - CadenceLikelihood.logLikelihood(data, of(down, k)))
                    / (2 * h);
            assertEquals(numeric, analytic[q], 1e-5 * Math.max(1, Math.abs(numeric)), "component " + q);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void compensatorMatchesNumericalIntegrationOfTheIntensity(int k) {
        CadenceData data = randomData(7, 80, 6, false);
        CadenceParameters p = params(k);
        double[] events = data.eventTimes();
        List<Sanction> sanctions = data.sanctions();
        // integrate piecewise between consecutive event and sanction times, where lambda is smooth
        double[] cuts = breakpoints(events, sanctions);
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(5, 1e-13, 1e-13);
        double integral = 0;
        for (int c = 0; c + 1 < cuts.length; c++) {
            if (cuts[c + 1] > cuts[c]) {
                integral += integrator.integrate(
                        100_000, x -> BruteForce.intensity(events, sanctions, p, x), cuts[c], cuts[c + 1]);
            }
        }
        assertEquals(integral, CadenceLikelihood.compensator(data, p), 1e-8 * integral);
        double[] atEvents = CadenceLikelihood.compensatorAtEvents(data, p);
        double lastEventIntegral = 0;
        for (int c = 0; c + 1 < cuts.length && cuts[c + 1] <= events[events.length - 1]; c++) {
            if (cuts[c + 1] > cuts[c]) {
                lastEventIntegral += integrator.integrate(
                        100_000, x -> BruteForce.intensity(events, sanctions, p, x), cuts[c], cuts[c + 1]);
            }
        }
        assertEquals(lastEventIntegral, atEvents[atEvents.length - 1], 1e-8 * lastEventIntegral);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void compensatorAtEventsMatchesClosedFormAtEachEvent(int k) {
        CadenceData data = randomData(11, 120, 8, true);
        CadenceParameters p = params(k);
        double[] events = data.eventTimes();
        double[] atEvents = CadenceLikelihood.compensatorAtEvents(data, p);
        for (int i = 0; i < events.length; i++) {
            double expected = closedFormUpTo(events, data.sanctions(), p, events[i]);
            assertEquals(expected, atEvents[i], 1e-9 * Math.max(1, expected), "event " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void intensityCurveDecompositionMatchesDefinition(int k) {
        CadenceData data = randomData(3, 150, 9, true);
        CadenceParameters p = params(k);
        double[] grid = IntensityCurve.grid(-50, T + 60, 0.37);
        List<IntensityPoint> curve = IntensityCurve.evaluate(data, p, grid);
        for (IntensityPoint point : curve) {
            double[] parts = BruteForce.intensityParts(data.eventTimes(), data.sanctions(), p, point.time());
            assertEquals(parts[0], point.baseline(), 0);
            assertEquals(parts[1], point.sanctions(), 1e-10 * Math.max(1e-3, parts[1]));
            assertEquals(parts[2], point.selfExcitation(), 1e-10 * Math.max(1e-3, parts[2]));
        }
        assertEquals(grid.length, curve.size());
        assertTrue(curve.stream().anyMatch(point -> point.sanctions() > 0 && point.selfExcitation() > 0));
    }

    private static double closedFormUpTo(double[] events, List<Sanction> sanctions, CadenceParameters p, double x) {
        double c = p.mu() * x;
        for (Sanction s : sanctions) {
            if (s.time() < x) {
                double from = Math.max(0, -s.time());
                c += p.kappa()
                        * s.weight()
                        * (BruteForce.erlang(p.shape(), p.delta() * (x - s.time()))
                                - BruteForce.erlang(p.shape(), p.delta() * from));
            }
        }
        for (double t : events) {
            if (t < x) {
                c += p.alpha() * (1 - Math.exp(-p.beta() * (x - t)));
            }
        }
        return c;
    }

    private static double[] breakpoints(double[] events, List<Sanction> sanctions) {
        double[] cuts = new double[events.length + sanctions.size() + 2];
        int q = 0;
        cuts[q++] = 0;
        cuts[q++] = T;
        for (double t : events) {
            cuts[q++] = t;
        }
        for (Sanction s : sanctions) {
            cuts[q++] = Math.min(T, Math.max(0, s.time()));
        }
        Arrays.sort(cuts);
        return cuts;
    }

    private static CadenceParameters of(double[] theta, int k) {
        return new CadenceParameters(theta[0], theta[1], theta[2], theta[3], theta[4], k);
    }
}
