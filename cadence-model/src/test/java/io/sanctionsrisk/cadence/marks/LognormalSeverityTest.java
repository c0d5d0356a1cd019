package io.sanctionsrisk.cadence.marks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LognormalSeverityTest {

    @Test
    void recoversLogMeanAndSpreadFromALargeSample() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] amounts = new double[20_000];
        for (int i = 0; i < amounts.length; i++) {
            double z = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
            amounts[i] = Math.exp(16 + 1.5 * z);
        }
        SeverityFit fit = LognormalSeverity.fit(amounts);
        assertTrue(fit.sufficient());
        assertEquals(16, fit.muLog(), 4 * fit.muLogStandardError());
        assertEquals(1.5, fit.sigmaLog(), 0.03);
        assertEquals(Math.exp(16), fit.medianPositive(), 0.05 * Math.exp(16));
    }

    @Test
    void countsZeroAmountsApartFromTheLognormal() {
        SeverityFit fit = LognormalSeverity.fit(new double[] {0, 0, 1e6, 1e8, 81e6, 0});
        assertEquals(6, fit.observations());
        assertEquals(3, fit.zeros());
        assertEquals(0.5, fit.probabilityPositive(), 0);
        assertEquals(fit.probabilityPositive() * fit.meanPositive(), fit.expectedPerEvent(), 1e-6);
        assertFalse(fit.note().isBlank(), "three amounts are few and the fit says so");
    }

    @Test
    void saysWhenTooFewAmountsToFit() {
        SeverityFit none = LognormalSeverity.fit(new double[0]);
        assertFalse(none.sufficient());
        assertTrue(Double.isNaN(none.sigmaLog()));
        SeverityFit one = LognormalSeverity.fit(new double[] {951e6});
        assertFalse(one.sufficient());
        assertEquals(Math.log(951e6), one.muLog(), 1e-12);
        assertTrue(one.note().contains("one positive amount"));
    }

    @Test
    void rejectsNegativeOrNonFiniteAmounts() {
        assertThrows(IllegalArgumentException.class, () -> LognormalSeverity.fit(new double[] {1, -2}));
        assertThrows(IllegalArgumentException.class, () -> LognormalSeverity.fit(new double[] {Double.NaN}));
    }
}
