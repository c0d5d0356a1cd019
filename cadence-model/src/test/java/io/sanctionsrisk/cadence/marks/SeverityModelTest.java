package io.sanctionsrisk.cadence.marks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeverityModelTest {

    private static final Map<String, String> GROUPS =
            Map.of("central-bank", "bank", "commercial-bank", "bank", "crypto-exchange", "crypto");

    @Test
    void withoutGroupsAndTrendItEqualsTodaysLognormal() {
        SplittableRandom rng = new SplittableRandom(4);
        List<MarkedEvent> events = new ArrayList<>();
        List<Double> amounts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double x = i % 7 == 0 ? 0 : Math.exp(16 + 2 * rng.nextGaussian());
            events.add(new MarkedEvent(i * 50.0, i * 50.0, new Cell("crypto-exchange", "eastern-asia"), Double.NaN, x));
            amounts.add(x);
        }
        SeverityFit today = LognormalSeverity.fit(
                amounts.stream().mapToDouble(Double::doubleValue).toArray());
        SeverityPosterior now = SeverityModel.fit(events, 5000, SeverityModel.Amount.REALISED, null, false);
        assertEquals(today.muLog(), now.muLog("crypto-exchange", 100), 1e-12);
        assertEquals(today.sigmaLog(), now.sigmaLog(), 1e-12);
        assertEquals(today.probabilityPositive(), now.probabilityPositive(), 1e-12);
        assertEquals(1.0, now.expectedPerEvent(null, 100) / today.expectedPerEvent(), 1e-12);
        SeverityFit shaped = now.toSeverityFit();
        assertEquals(today.muLogStandardError(), shaped.muLogStandardError(), 1e-12);
        assertEquals(today.zeros(), shaped.zeros());
    }

    @Test
    void recoversAGroupEffectAndATrendWithHonestUncertainty() {
        int covered = 0;
        int replicates = 40;
        for (int rep = 0; rep < replicates; rep++) {
            SplittableRandom rng = new SplittableRandom(100 + rep);
            List<MarkedEvent> events = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                double t = rng.nextDouble() * 3650;
                boolean bank = rng.nextBoolean();
                double log = 16 + (bank ? -1 : 0) + 0.26 * t / 365.25 + 1.2 * rng.nextGaussian();
                Cell cell = new Cell(bank ? "commercial-bank" : "crypto-exchange", "eastern-asia");
                events.add(new MarkedEvent(t, t, cell, Math.exp(log), Double.NaN));
            }
            SeverityPosterior fit = SeverityModel.fit(events, 3650, SeverityModel.Amount.ATTEMPTED, GROUPS, true);
            assertEquals(List.of("bank", "crypto"), fit.groups());
            double[] b = fit.coefficients();
            double[] se = fit.standardErrors();
            assertEquals(1.0, b[1], 5 * se[1]); // crypto against bank
            assertEquals(0.26, fit.trendPerYear(), 5 * se[2]);
            // 90% posterior interval of the trend from draws
            double[] trend = new double[2000];
            for (int d = 0; d < trend.length; d++) {
                trend[d] = fit.draw(9, d).coefficients()[2];
            }
            CredibleInterval ci = CredibleInterval.ofDraws(trend, fit.trendPerYear(), 0.90);
            covered += ci.contains(0.26) ? 1 : 0;
        }
        assertTrue(covered >= 32, "90% intervals covered the trend in " + covered + "/" + replicates);
    }

    @Test
    void drawsAreSeededAndRejectTooFewAmounts() {
        List<MarkedEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(new MarkedEvent(i, i, null, 1e6 * (i + 1), Double.NaN));
        }
        SeverityPosterior fit = SeverityModel.fit(events, 10, SeverityModel.Amount.ATTEMPTED, null, true);
        assertEquals(fit.draw(3, 7).sigmaLog(), fit.draw(3, 7).sigmaLog());
        assertTrue(fit.draw(3, 7).probabilityPositive() == 1.0);
        assertThrows(
                IllegalArgumentException.class,
                () -> SeverityModel.fit(events.subList(0, 2), 10, SeverityModel.Amount.ATTEMPTED, null, true));
    }
}
