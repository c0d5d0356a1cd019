package io.sanctionsrisk.cadence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErlangTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void closedFormCdfEqualsCommonsMathRegularizedGamma(int k) {
        for (double x = 1e-6; x < 800; x *= 1.07) {
            double expected = Gamma.regularizedGammaP(k, x, 1e-17, Integer.MAX_VALUE);
            assertEquals(expected, Erlang.cdf(k, x), 1e-14 * expected + 1e-300, "x = " + x);
        }
        assertEquals(0, Erlang.cdf(k, 0));
        assertEquals(1, Erlang.cdf(k, Double.POSITIVE_INFINITY));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void densityIsTheDerivativeOfTheCdf(int k) {
        for (double x = 0.01; x < 12; x *= 1.3) {
            double h = 1e-6 * x;
            double numeric = (Erlang.cdf(k, x + h) - Erlang.cdf(k, x - h)) / (2 * h);
            assertEquals(numeric, Erlang.density(k, x), 1e-6 * Math.max(numeric, 1e-12));
        }
    }
}
