package io.sanctionsrisk.cadence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CadenceDataTest {

    private static IllegalArgumentException rejects(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run);
    }

    @Test
    void rejectsEventsOutsideWindow() {
        assertTrue(rejects(() -> CadenceData.of(10, new double[] {1, 11}))
                .getMessage()
                .contains("outside the window"));
        rejects(() -> CadenceData.of(10, new double[] {-0.5, 1}));
    }

    @Test
    void rejectsNonFiniteEventTimes() {
        rejects(() -> CadenceData.of(10, new double[] {1, Double.NaN}));
        rejects(() -> CadenceData.of(10, new double[] {Double.POSITIVE_INFINITY}));
    }

    @Test
    void rejectsWindowThatIsNotPositiveAndFinite() {
        rejects(() -> CadenceData.of(0, new double[] {}));
        rejects(() -> CadenceData.of(-3, new double[] {}));
        rejects(() -> CadenceData.of(Double.NaN, new double[] {}));
        rejects(() -> CadenceData.of(Double.POSITIVE_INFINITY, new double[] {}));
    }

    @Test
    void rejectsBadSanctions() {
        rejects(() -> new Sanction(Double.NaN, 1));
        rejects(() -> new Sanction(1, -1));
        rejects(() -> new Sanction(1, Double.POSITIVE_INFINITY));
    }

    @Test
    void rejectsUnknownKernelShapeAndOutOfRangeParameters() {
        rejects(() -> new CadenceParameters(0.1, 1, 0.2, 1, 1, 4));
        rejects(() -> new CadenceParameters(0.1, 1, 0.2, 1, 1, 0));
        rejects(() -> new CadenceParameters(0, 1, 0.2, 1, 1, 1));
        rejects(() -> new CadenceParameters(0.1, -1, 0.2, 1, 1, 1));
        rejects(() -> new CadenceParameters(0.1, 1, 1.0, 1, 1, 1));
        rejects(() -> new CadenceParameters(0.1, 1, 0.2, Double.NaN, 1, 1));
        rejects(() -> new CadenceParameters(0.1, 1, 0.2, 1, 0, 1));
    }

    @Test
    void rejectsMoreEventsThanTheDocumentedLimit() {
        IllegalArgumentException e = rejects(() -> CadenceData.of(10, new double[CadenceData.MAX_EVENTS + 1]));
        assertTrue(e.getMessage().contains("too many events"));
    }

    @Test
    void acceptsAMillionEventsAndEvaluatesTheirLikelihood() {
        int n = 1_000_000;
        double[] events = new double[n];
        for (int i = 0; i < n; i++) {
            events[i] = (i + 0.5) * 0.01;
        }
        CadenceData data = CadenceData.of(n * 0.01, events, List.of(new Sanction(-5, 2)));
        assertEquals(n, data.eventCount());
        double ll = CadenceLikelihood.logLikelihood(data, new CadenceParameters(50, 1, 0.3, 2, 0.1, 2));
        assertTrue(Double.isFinite(ll));
    }

    @Test
    void sortsEventsAndKeepsTiesAndIsImmutable() {
        double[] input = {5, 1, 3, 3};
        CadenceData data = CadenceData.of(10, input, List.of(new Sanction(4, 1), new Sanction(-2, 3)));
        input[0] = 9;
        assertArrayEquals(new double[] {1, 3, 3, 5}, data.eventTimes());
        data.eventTimes()[0] = 7;
        assertEquals(1, data.eventTime(0));
        assertEquals(List.of(new Sanction(-2, 3), new Sanction(4, 1)), data.sanctions());
        assertEquals(4, data.effectiveSanctionWeight());
    }
}
