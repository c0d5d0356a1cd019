package io.sanctionsrisk.cadence.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.Sanction;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class ParameterSamplerTest {

    private static final String[] NAMES = {"mu", "kappa", "alpha", "beta", "delta"};

    @Test
    void ninetyPercentCredibleIntervalsCoverTheTruthInAtLeastEightyPercentOfSimulatedSets() {
        CadenceParameters truth = new CadenceParameters(0.05, 1.0, 0.4, 0.1, 0.02, 2);
        double[] values = {0.05, 1.0, 0.4, 0.1, 0.02};
        double T = 2000;
        List<Sanction> sanctions = SimulatedData.sanctions(T, 15, 7);
        int sets = 20;
        int[] covered = new int[5];
        for (long seed = 1; seed <= sets; seed++) {
            CadenceData data = SimulatedData.simulate(truth, sanctions, T, seed);
            CadenceFit fit =
                    CadenceFitter.fit(data, FitOptions.defaults().withShape(2).withDraws(DrawOptions.defaults()));
            for (int q = 0; q < 5; q++) {
                double[] ci = fit.draws().interval(NAMES[q], 0.9);
                covered[q] += ci[0] <= values[q] && values[q] <= ci[1] ? 1 : 0;
            }
        }
        for (int q = 0; q < 5; q++) {
            assertTrue(covered[q] >= 16, NAMES[q] + " covered in " + covered[q] + " of " + sets);
        }
    }

    @Test
    void drawsOnTheCuratedDataStayInTheBoxAndReportTheirDiagnostics() {
        CadenceData data = CuratedData.load();
        CadenceFit fit = CadenceFitter.fit(data, FitOptions.defaults().withDraws(DrawOptions.defaults()));
        ParameterDraws draws = fit.draws();
        assertEquals(4 * 1000, draws.size());
        for (CadenceParameters p : draws.draws()) {
            assertEquals(fit.parameters().shape(), p.shape());
            assertTrue(p.alpha() <= ParameterBounds.ALPHA_MAX && p.beta() >= ParameterBounds.RATE_MIN);
            assertTrue(p.delta() <= ParameterBounds.RATE_MAX && p.mu() <= 2 * 44 / data.windowEnd());
        }
        DrawDiagnostics d = draws.diagnostics();
        assertTrue(d.acceptanceRate() > 0.1 && d.acceptanceRate() < 0.5, "acceptance " + d.acceptanceRate());
        assertTrue(d.worstRhat() < 1.2, "split R-hat " + d.splitRhat());
        assertTrue(d.smallestEffectiveSampleSize() > 30, "ESS " + d.effectiveSampleSize());
        double[] kappa = draws.interval("kappa", 0.9);
        assertTrue(kappa[0] < fit.parameters().kappa() && fit.parameters().kappa() < kappa[1]);
        System.out.printf("curated draws: %s%n", d);
        for (String name : NAMES) {
            double[] ci = draws.interval(name, 0.9);
            System.out.printf("  %s median %.4g, 90%% [%.4g, %.4g]%n", name, draws.quantile(name, 0.5), ci[0], ci[1]);
        }
    }

    @Test
    void drawsAreDeterministicForASeedAndIndependentOfTheThreadCount() throws Exception {
        CadenceData data = CuratedData.load();
        CadenceParameters optimum = CadenceFitter.fit(data).parameters();
        DrawOptions options = new DrawOptions(3, 200, 1000, 5, 42);
        ParameterDraws first = ParameterSampler.sample(data, optimum, options);
        ParameterDraws single = new ForkJoinPool(1)
                .submit(() -> ParameterSampler.sample(data, optimum, options))
                .get();
        assertEquals(first, single);
        ParameterDraws other = ParameterSampler.sample(data, optimum, new DrawOptions(3, 200, 1000, 5, 43));
        assertTrue(!first.draws().equals(other.draws()));
    }

    @Test
    void holdsKappaAndDeltaWithoutSanctionsAndRejectsBadOptions() {
        CadenceParameters hawkes = new CadenceParameters(0.1, 0, 0.3, 0.2, 0.05, 1);
        CadenceData data = SimulatedData.simulate(hawkes, List.of(), 1000, 3);
        ParameterDraws draws = ParameterSampler.sample(data, hawkes, new DrawOptions(2, 200, 1000, 5, 1));
        assertTrue(draws.draws().stream().allMatch(p -> p.kappa() == 0 && p.delta() == 0.05));
        assertTrue(Double.isNaN(draws.diagnostics().splitRhat().get(1)));
        assertEquals(ParameterDraws.NONE, ParameterSampler.sample(data, hawkes, DrawOptions.NONE));
        assertThrows(IllegalArgumentException.class, () -> new DrawOptions(2, 10, 1000, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> new DrawOptions(2, 200, 1000, 500, 1));
        assertThrows(IllegalArgumentException.class, () -> draws.quantile("gamma", 0.5));
    }
}
