package io.sanctionsrisk.cadence.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsrisk.cadence.CadenceData;
import java.time.Duration;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class SanctionsTermBootstrapTest {

    @Test
    void theCuratedSanctionsTermIsLessSignificantThanTheChiSquaredReferenceSays() {
        CadenceData data = CuratedData.load();
        FitOptions options = FitOptions.defaults()
                .withBootstrap(new BootstrapOptions(49, Duration.ofMinutes(20), BootstrapOptions.DEFAULT_SEED));
        CadenceFit fit = CadenceFitter.fit(data, options);
        BootstrapTest test = fit.sanctionsBootstrap();
        assertEquals(49, test.replicatesRun());
        assertFalse(test.hitBudget());
        assertEquals(SanctionsTermBootstrap.statistic(fit), test.observedStatistic(), 0);
        double chiSquared = fit.tests().get(1).pValue();
        assertTrue(chiSquared < 0.05, "chi-squared p " + chiSquared);
        assertTrue(test.pValue() > chiSquared, test + " against chi-squared " + chiSquared);
        assertTrue(test.pValue() > 0.05 && test.pValue() < 0.3, test.toString());
        System.out.println("curated sanctions-term bootstrap: " + test);
    }

    @Test
    void replicatesAreDeterministicAndIndependentOfTheThreadCount() throws Exception {
        CadenceData data = CuratedData.load();
        CadenceFit fit = CadenceFitter.fit(data);
        BootstrapOptions options = new BootstrapOptions(4, Duration.ofMinutes(10), 7);
        BootstrapTest first = SanctionsTermBootstrap.test(data, fit, FitOptions.defaults(), options);
        BootstrapTest single = new ForkJoinPool(1)
                .submit(() -> SanctionsTermBootstrap.test(data, fit, FitOptions.defaults(), options))
                .get();
        assertEquals(first, single);
        assertEquals(4, first.replicatesRun());
        assertEquals((1.0 + first.exceedances()) / 5.0, first.pValue(), 1e-15);
    }

    @Test
    void aRunStoppedEarlyCountsThePrefixOfTheReplicatesInSeedOrder() {
        CadenceData data = CuratedData.load();
        CadenceFit fit = CadenceFitter.fit(data);
        long far = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        // stopped before replicate 3 starts, as a budget would stop it: exactly replicates 0, 1, 2 count
        BootstrapTest stopped = SanctionsTermBootstrap.run(
                data, fit, FitOptions.defaults(), new BootstrapOptions(6, Duration.ofMinutes(10), 7), r -> r < 3, far);
        BootstrapTest three = SanctionsTermBootstrap.test(
                data, fit, FitOptions.defaults(), new BootstrapOptions(3, Duration.ofMinutes(10), 7));
        assertEquals(3, stopped.replicatesRun());
        assertTrue(stopped.hitBudget());
        assertEquals(6, stopped.replicatesRequested());
        assertEquals(3, three.replicatesRun());
        assertFalse(three.hitBudget());
        assertEquals(three.exceedances(), stopped.exceedances());
        assertEquals(three.pValue(), stopped.pValue(), 0);
        assertEquals(three.monteCarloError(), stopped.monteCarloError(), 0);
    }

    @Test
    void aBudgetThatRunsOutSaysHowManyReplicatesRan() {
        CadenceData data = CuratedData.load();
        CadenceFit fit = CadenceFitter.fit(data);
        BootstrapTest test = SanctionsTermBootstrap.test(
                data, fit, FitOptions.defaults(), new BootstrapOptions(500, Duration.ofMillis(1), 1));
        assertTrue(test.hitBudget());
        assertTrue(test.replicatesRun() < 500);
        assertEquals(500, test.replicatesRequested());
        assertFalse(CadenceFitter.fit(data).sanctionsBootstrap().ran());
    }
}
