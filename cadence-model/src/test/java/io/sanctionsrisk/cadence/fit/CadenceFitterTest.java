package io.sanctionsrisk.cadence.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.Sanction;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CadenceFitterTest {

    private static final double T = 3000;
    private static final CadenceParameters TRUTH = new CadenceParameters(0.2, 3.0, 0.4, 0.5, 0.05, 2);
    private static final List<Sanction> SANCTIONS = SimulatedData.sanctions(T, 20, 1);

    @Test
    void recoversKnownParametersWithinTheirConfidenceIntervalsForMostSeeds() {
        // 20 simulated datasets of about 1,300 events each; a 95% interval should cover the truth about 19
        // times in 20, and we require at least 16 of 20 for every parameter
        int seeds = 20;
        int[] covered = new int[5];
        double[] truth = {TRUTH.mu(), TRUTH.kappa(), TRUTH.alpha(), TRUTH.beta(), TRUTH.delta()};
        for (long seed = 1; seed <= seeds; seed++) {
            CadenceData data = SimulatedData.simulate(TRUTH, SANCTIONS, T, seed);
            CadenceFit fit = CadenceFitter.fit(data, FitOptions.defaults().withShape(2));
            assertFalse(fit.hitDeadline());
            for (int q = 0; q < 5; q++) {
                if (fit.estimates().get(q).covers(truth[q])) {
                    covered[q]++;
                }
            }
        }
        for (int q = 0; q < 5; q++) {
            assertTrue(covered[q] >= 16, "parameter " + q + " covered in only " + covered[q] + " of " + seeds);
        }
    }

    @Test
    void estimatesTheBranchingRatioWithinTenPercentOnALargeSample() {
        double window = 30_000;
        List<Sanction> sanctions = SimulatedData.sanctions(window, 60, 2);
        CadenceData data = SimulatedData.simulate(TRUTH, sanctions, window, 77);
        assertTrue(data.eventCount() > 10_000);
        CadenceFit fit = CadenceFitter.fit(data, FitOptions.defaults().withShape(2));
        assertEquals(TRUTH.alpha(), fit.parameters().branchingRatio(), 0.1 * TRUTH.alpha());
        assertTrue(fit.estimate("alpha").wellIdentified());
    }

    @Test
    void twoFitsOfTheSameDataAreBitIdentical() {
        CadenceData data = SimulatedData.simulate(TRUTH, SANCTIONS, T, 5);
        CadenceFit first = CadenceFitter.fit(data);
        CadenceFit second = CadenceFitter.fit(CadenceData.of(T, data.eventTimes(), data.sanctions()));
        assertEquals(first, second);
        assertEquals(
                Double.doubleToRawLongBits(first.logLikelihood()), Double.doubleToRawLongBits(second.logLikelihood()));
    }

    @Test
    void choosesTheShapeByAicAndReportsEveryCandidate() {
        CadenceData data = SimulatedData.simulate(TRUTH, SANCTIONS, T, 6);
        CadenceFit fit = CadenceFitter.fit(data);
        assertTrue(fit.shapeChosenByAic());
        assertEquals(3, fit.shapes().size());
        double bestAic =
                fit.shapes().stream().mapToDouble(ShapeCandidate::aic).min().orElseThrow();
        assertEquals(bestAic, fit.aic(), 1e-9);
        assertEquals(
                fit.parameters().shape(),
                fit.shapes().stream()
                        .filter(c -> c.aic() == bestAic)
                        .findFirst()
                        .orElseThrow()
                        .shape());
    }

    @Test
    void sanctionsDrivenDataPreferTheFullModelAndPassTheTimeRescalingTest() {
        CadenceData data = SimulatedData.simulate(TRUTH, SANCTIONS, T, 8);
        CadenceFit fit = CadenceFitter.fit(data, FitOptions.defaults().withShape(2));
        List<ModelComparison> models = fit.comparisons();
        assertEquals(CadenceFitter.POISSON, models.get(0).model());
        assertTrue(models.get(2).aic() < models.get(1).aic());
        assertTrue(models.get(1).aic() < models.get(0).aic());
        LikelihoodRatioTest sanctionsTerm = fit.tests().get(1);
        assertEquals(CadenceFitter.HAWKES, sanctionsTerm.nullModel());
        assertTrue(sanctionsTerm.pValue() < 0.01, "sanctions term p = " + sanctionsTerm.pValue());
        assertTrue(
                fit.goodnessOfFit().ksPValue() > 0.01,
                "KS p = " + fit.goodnessOfFit().ksPValue());
        assertEquals(1.0, fit.goodnessOfFit().meanGap(), 0.1);
    }

    @Test
    void homogeneousPoissonDataShowNoSignificantSanctionsOrExcitation() {
        CadenceParameters poisson = new CadenceParameters(0.3, 0, 0, 1, 0.05, 2);
        CadenceData data = SimulatedData.simulate(poisson, SANCTIONS, T, 9);
        CadenceFit fit = CadenceFitter.fit(data, FitOptions.defaults().withShape(2));
        assertTrue(fit.tests().get(1).pValue() > 0.01);
        assertTrue(fit.tests().get(2).statistic() >= fit.tests().get(1).statistic());
        assertTrue(fit.goodnessOfFit().ksPValue() > 0.01);
        assertTrue(fit.logLikelihood() >= fit.comparisons().get(1).logLikelihood());
        assertTrue(fit.comparisons().get(1).logLikelihood()
                >= fit.comparisons().get(0).logLikelihood());
    }

    @Test
    void flagsKappaAndDeltaWhenThereAreNoSanctions() {
        CadenceParameters hawkes = new CadenceParameters(0.2, 0, 0.4, 0.5, 0.05, 1);
        CadenceData simulated = SimulatedData.simulate(hawkes, List.of(), T, 3);
        CadenceFit fit = CadenceFitter.fit(simulated, FitOptions.defaults());
        assertEquals(0, fit.parameters().kappa());
        assertFalse(fit.estimate("kappa").wellIdentified());
        assertFalse(fit.estimate("delta").wellIdentified());
        assertTrue(fit.estimate("kappa").reason().contains("no sanction"));
        assertTrue(fit.estimate("alpha").wellIdentified());
    }

    @Test
    void flagsPoorlyIdentifiedParametersOnAHandfulOfEvents() {
        CadenceData data = CadenceData.of(
                1000, new double[] {10, 200, 204, 650, 900}, List.of(new Sanction(100, 3), new Sanction(600, 5)));
        CadenceFit fit = CadenceFitter.fit(data);
        assertEquals(5, fit.eventCount());
        assertTrue(fit.estimates().stream().anyMatch(e -> !e.wellIdentified()));
        for (ParameterEstimate e : fit.estimates()) {
            assertTrue(e.wellIdentified() || !e.reason().isBlank(), e.name() + " flagged without a reason");
        }
    }

    @Test
    void reportsASymmetricCorrelationMatrixWithUnitDiagonalForIdentifiedParameters() {
        CadenceData data = SimulatedData.simulate(TRUTH, SANCTIONS, T, 12);
        CadenceFit fit = CadenceFitter.fit(data, FitOptions.defaults().withShape(2));
        List<List<Double>> r = fit.correlation();
        assertEquals(5, r.size());
        for (int a = 0; a < 5; a++) {
            assertEquals(
                    Double.isNaN(fit.estimates().get(a).standardError()) ? Double.NaN : 1.0,
                    r.get(a).get(a),
                    1e-12);
            for (int b = 0; b < 5; b++) {
                assertEquals(r.get(a).get(b), r.get(b).get(a), 1e-12);
                assertTrue(Double.isNaN(r.get(a).get(b)) || Math.abs(r.get(a).get(b)) <= 1 + 1e-12);
            }
        }
        assertTrue(
                r.get(0).get(1) < 0,
                "baseline and sanctions effect trade off: " + r.get(0).get(1));
    }

    @Test
    void fitsASingleEventAndExactlyTiedEventsWithoutFailing() {
        CadenceFit single = CadenceFitter.fit(CadenceData.of(365, new double[] {100}, SANCTIONS));
        assertEquals(1, single.eventCount());
        assertTrue(Double.isNaN(single.goodnessOfFit().ksPValue()));
        assertTrue(single.parameters().mu() > 0);
        double[] tied = {50, 50, 50, 50, 120, 120, 300};
        CadenceFit ties = CadenceFitter.fit(CadenceData.of(365, tied, SANCTIONS));
        assertEquals(7, ties.eventCount());
        assertTrue(Double.isFinite(ties.logLikelihood()));
        assertTrue(ties.logLikelihood() >= ties.comparisons().get(0).logLikelihood());
    }

    @Test
    void stopsAtTheDeadlineAndSaysSo() {
        CadenceData data = SimulatedData.simulate(TRUTH, SANCTIONS, T, 4);
        CadenceFit fit = CadenceFitter.fit(data, FitOptions.defaults().withBudget(Duration.ofNanos(1)));
        assertTrue(fit.hitDeadline());
        assertFalse(fit.converged());
        assertTrue(fit.parameters().mu() > 0);
        assertTrue(Double.isFinite(fit.logLikelihood()));
    }

    @Test
    void rejectsAFitWithoutEvents() {
        CadenceData empty = CadenceData.of(100, new double[0], List.of(new Sanction(5, 1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CadenceFitter.fit(empty));
        assertTrue(e.getMessage().contains("at least one event"));
    }

    @Test
    void rejectsUnknownKernelShapeInOptions() {
        assertThrows(IllegalArgumentException.class, () -> FitOptions.defaults().withShape(4));
        assertThrows(IllegalArgumentException.class, () -> FitOptions.defaults().withShape(0));
        assertThrows(IllegalArgumentException.class, () -> FitOptions.defaults().withBudget(Duration.ZERO));
    }
}
