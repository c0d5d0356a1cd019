package io.sanctionsrisk.risk.refit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsrisk.cadence.fit.CadenceFit;
import io.sanctionsrisk.cadence.fit.CadenceFitter;
import io.sanctionsrisk.cadence.fit.FitOptions;
import io.sanctionsrisk.risk.dataset.ModelDataset;
import io.sanctionsrisk.risk.snapshot.StoredUncertainty;
import io.sanctionsrisk.risk.testing.SnapshotFixtures;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** The posterior draws a refit stores: bounded, seeded, and the same on one thread as on many. */
class StoredDrawsTest {

    @Test
    void theRefitStores200DrawsThatDoNotDependOnTheThreadCount() throws Exception {
        ModelDataset dataset = SnapshotFixtures.simulatedDataset();
        CadenceFit fit = CadenceFitter.fit(dataset.toCadenceData(), FitOptions.defaults());
        StoredUncertainty many = SnapshotFitter.uncertainty(dataset, fit);
        ForkJoinPool one = new ForkJoinPool(1);
        StoredUncertainty single;
        try {
            single = one.submit(() -> SnapshotFitter.uncertainty(dataset, fit)).get();
        } finally {
            one.shutdown();
        }
        assertNotNull(many);
        assertEquals(200, many.draws().size());
        assertEquals(many, single);
        assertEquals(SnapshotFitter.DRAWS.seed(), many.seed());
        assertEquals(4, many.chains());
        // the draws spread around the fit: not all one point
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (StoredUncertainty.Draw d : many.draws()) {
            lo = Math.min(lo, d.mu());
            hi = Math.max(hi, d.mu());
        }
        assertTrue(lo < fit.parameters().mu() && fit.parameters().mu() < hi, lo + " .. " + hi);
        assertTrue(many.acceptanceRate() > 0.05 && many.acceptanceRate() < 0.8, "" + many.acceptanceRate());
    }
}
