package io.sanctionsrisk.cadence.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.curated.CuratedFixture;
import io.sanctionsrisk.cadence.marks.CellPosterior;
import io.sanctionsrisk.cadence.marks.DiscountedCellModel;
import io.sanctionsrisk.cadence.marks.MarkPrior;
import io.sanctionsrisk.cadence.marks.SeverityModel;
import io.sanctionsrisk.cadence.marks.SeverityPosterior;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UncertainRiskModelTest {

    private static final CuratedFixture CURATED = CuratedFixture.load(true);
    private static final CadenceParameters POINT = new CadenceParameters(0.003, 0.26, 0.4, 0.01, 0.007, 2);
    private static final CadenceData DATA = CURATED.cadenceData();

    // stand-in for posterior draws of the cadence parameters: log-normal spread around the point
    private static List<CadenceParameters> cadenceDraws(int n) {
        SplittableRandom rng = new SplittableRandom(5);
        List<CadenceParameters> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new CadenceParameters(
                    POINT.mu() * Math.exp(0.6 * rng.nextGaussian()),
                    POINT.kappa() * Math.exp(0.4 * rng.nextGaussian()),
                    Math.min(0.95, POINT.alpha() * Math.exp(0.5 * rng.nextGaussian())),
                    POINT.beta() * Math.exp(0.5 * rng.nextGaussian()),
                    POINT.delta() * Math.exp(0.3 * rng.nextGaussian()),
                    POINT.shape()));
        }
        return out;
    }

    private static UncertainRiskModel model(List<CadenceParameters> draws, MarkPrior prior, double horizon, long seed) {
        CellPosterior cells =
                DiscountedCellModel.fit(CURATED.sectors(), CURATED.regions(), CURATED.events(), CURATED.end(), prior);
        SeverityPosterior attempted = SeverityModel.fit(
                CURATED.events(), CURATED.end(), SeverityModel.Amount.ATTEMPTED, CuratedFixture.SECTOR_GROUPS, true);
        SeverityPosterior realised = SeverityModel.fit(
                CURATED.events(), CURATED.end(), SeverityModel.Amount.REALISED, CuratedFixture.SECTOR_GROUPS, true);
        return UncertainRiskModel.build(DATA, POINT, draws, cells, attempted, realised, 0, horizon, 0.90, seed);
    }

    @Test
    void everyServedPointLiesInsideItsIntervalForEveryCellAt30And365And730Days() {
        List<CadenceParameters> draws = cadenceDraws(400);
        for (MarkPrior prior : List.of(
                MarkPrior.STATIC,
                new MarkPrior(1095, 16, MarkPrior.Base.UNIFORM),
                new MarkPrior(365, 32, MarkPrior.Base.NESTED))) {
            for (double horizon : new double[] {30, 365, 730}) {
                UncertainRiskModel m = model(draws, prior, horizon, 3);
                assertEquals(12 * 23, m.cells().size());
                for (int c = 0; c < m.cells().size(); c++) {
                    RiskInterval r = m.cell(c);
                    assertTrue(r.pointsInside(), "cell " + m.cells().cellAt(c) + " at " + horizon + ": " + r);
                    assertTrue(m.institution(c, 2.7).pointsInside());
                    assertTrue(m.institution(c, 0.3).pointsInside());
                }
                assertTrue(m.total().pointsInside(), m.total().toString());
            }
        }
    }

    @Test
    void intervalsIncludeBothTheCadenceAndTheMarkUncertainty() {
        List<CadenceParameters> draws = cadenceDraws(400);
        MarkPrior prior = new MarkPrior(1095, 16, MarkPrior.Base.UNIFORM);
        UncertainRiskModel both = model(draws, prior, 365, 3);
        UncertainRiskModel marksOnly = model(Collections.nCopies(400, POINT), prior, 365, 3);
        // the total does not depend on the marks: degenerate without cadence draws, wide with them
        assertEquals(
                marksOnly.total().expectedCount().lower(),
                marksOnly.total().expectedCount().upper(),
                1e-12);
        assertTrue(both.total().expectedCount().upper()
                > 1.3 * both.total().expectedCount().lower());
        int busy = both.cells().indexOf(new io.sanctionsrisk.cadence.marks.Cell("crypto-exchange", "eastern-asia"));
        double wideBoth = width(
                both.cell(busy).expectedCount().upper(),
                both.cell(busy).expectedCount().lower());
        double wideMarks = width(
                marksOnly.cell(busy).expectedCount().upper(),
                marksOnly.cell(busy).expectedCount().lower());
        assertTrue(wideBoth > wideMarks, wideBoth + " vs " + wideMarks);
        assertTrue(marksOnly.cell(busy).expectedCount().upper()
                > marksOnly.cell(busy).expectedCount().lower());
        // losses carry the severity draws: wider than the count's relative spread
        RiskInterval r = both.cell(busy);
        assertTrue(
                width(r.expectedRealisedLoss().upper(), r.expectedRealisedLoss().lower())
                        > width(r.expectedCount().upper(), r.expectedCount().lower()));
    }

    @Test
    void isDeterministicForASeedAndRejectsMissingDraws() {
        List<CadenceParameters> draws = cadenceDraws(100);
        MarkPrior prior = new MarkPrior(730, 8, MarkPrior.Base.NESTED);
        UncertainRiskModel a = model(draws, prior, 365, 9);
        UncertainRiskModel b = model(draws, prior, 365, 9);
        UncertainRiskModel c = model(draws, prior, 365, 10);
        double[] la = new double[a.cells().size()];
        double[] lb = new double[a.cells().size()];
        double[] lc = new double[a.cells().size()];
        for (int i = 0; i < la.length; i++) {
            la[i] = a.cell(i).expectedCount().upper();
            lb[i] = b.cell(i).expectedCount().upper();
            lc[i] = c.cell(i).expectedCount().upper();
        }
        assertArrayEquals(la, lb);
        assertTrue(!java.util.Arrays.equals(la, lc));
        assertThrows(IllegalArgumentException.class, () -> model(List.of(), prior, 365, 9));
    }

    // relative width of an interval
    private static double width(double upper, double lower) {
        return Math.log(upper / lower);
    }
}
