package io.sanctionsrisk.cadence.marks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.junit.jupiter.api.Test;

class CredibleIntervalTest {

    @Test
    void isEqualTailedWhenThatContainsThePoint() {
        BetaDistribution beta = new BetaDistribution(null, 5, 20, 1e-14);
        CredibleInterval ci = CredibleInterval.ofBeta(5, 20, 0.2, 0.9);
        assertEquals(beta.inverseCumulativeProbability(0.05), ci.lower(), 1e-12);
        assertEquals(beta.inverseCumulativeProbability(0.95), ci.upper(), 1e-12);
        assertFalse(ci.extended());
    }

    @Test
    void keepsItsProbabilityAndContainsAMeanInTheTail() {
        // an empty cell: Beta(0.01, 44), whose mean lies above its 95% quantile
        double a = 0.01;
        double b = 44;
        double mean = a / (a + b);
        BetaDistribution beta = new BetaDistribution(null, a, b, 1e-14);
        assertTrue(beta.inverseCumulativeProbability(0.95) < mean);
        CredibleInterval ci = CredibleInterval.ofBeta(a, b, mean, 0.9);
        assertTrue(ci.contains(mean));
        // the 90% range [u - 0.9, u] ending at u = F(mean): the highest-lying interval of that probability
        double u = beta.cumulativeProbability(mean);
        assertEquals(beta.inverseCumulativeProbability(u - 0.9), ci.lower(), 1e-14);
        assertEquals(mean, ci.upper(), 1e-12);
        assertFalse(ci.extended());
    }

    @Test
    void drawsGiveTheSameRuleAndExtendOnlyForAPointOutsideTheirRange() {
        double[] draws = new double[1000];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = i;
        }
        CredibleInterval ci = CredibleInterval.ofDraws(draws.clone(), 500, 0.9);
        assertEquals(49, ci.lower());
        assertEquals(949, ci.upper());
        CredibleInterval tail = CredibleInterval.ofDraws(draws.clone(), 980, 0.9);
        assertTrue(tail.contains(980) && !tail.extended());
        assertEquals(80, tail.lower()); // 981 draws <= 980: the 8.1% .. 98.1% range
        assertEquals(980, tail.upper());
        CredibleInterval outside = CredibleInterval.ofDraws(draws.clone(), 5000, 0.9);
        assertTrue(outside.contains(5000) && outside.extended());
    }
}
