package io.sanctionsrisk.cadence.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.curated.CuratedFixture;
import io.sanctionsrisk.cadence.marks.CellPosterior;
import io.sanctionsrisk.cadence.marks.DiscountedCellModel;
import io.sanctionsrisk.cadence.marks.MarkPrior;
import io.sanctionsrisk.cadence.marks.SeverityModel;
import io.sanctionsrisk.cadence.marks.SeverityPosterior;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Draws made once and reused across horizons give exactly what a build from scratch gives, in any order asked. */
class JointDrawsTest {

    private static final CuratedFixture CURATED = CuratedFixture.load(true);
    private static final CadenceParameters POINT = new CadenceParameters(0.003, 0.26, 0.4, 0.01, 0.007, 2);
    private static final CadenceData DATA = CURATED.cadenceData();

    @Test
    void preparedDrawsEqualAFreshBuildForEveryCellAndTheTotalAtEachHorizon() {
        SplittableRandom rng = new SplittableRandom(3);
        List<CadenceParameters> cadence = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            cadence.add(new CadenceParameters(
                    POINT.mu() * Math.exp(0.5 * rng.nextGaussian()),
                    POINT.kappa() * Math.exp(0.4 * rng.nextGaussian()),
                    Math.min(0.95, POINT.alpha() * Math.exp(0.4 * rng.nextGaussian())),
                    POINT.beta(),
                    POINT.delta(),
                    POINT.shape()));
        }
        CellPosterior cells = DiscountedCellModel.fit(
                CURATED.sectors(),
                CURATED.regions(),
                CURATED.events(),
                CURATED.end(),
                new MarkPrior(1095, 16, MarkPrior.Base.NESTED));
        SeverityPosterior attempted = SeverityModel.fit(
                CURATED.events(), CURATED.end(), SeverityModel.Amount.ATTEMPTED, CuratedFixture.SECTOR_GROUPS, true);
        SeverityPosterior realised = SeverityModel.fit(
                CURATED.events(), CURATED.end(), SeverityModel.Amount.REALISED, CuratedFixture.SECTOR_GROUPS, true);
        JointDraws prepared = JointDraws.of(cadence, cells, attempted, realised, 17);
        for (double horizon : new double[] {30, 365, 730}) {
            UncertainRiskModel fresh =
                    UncertainRiskModel.build(DATA, POINT, cadence, cells, attempted, realised, 40, horizon, 0.9, 17);
            UncertainRiskModel reused = UncertainRiskModel.build(DATA, POINT, prepared, 40, horizon, 0.9);
            for (int c = cells.size() - 1; c >= 0; c -= 7) { // asked out of order, one cell at a time
                assertEquals(fresh.cell(c), reused.cell(c), "cell " + c + " at " + horizon);
                assertEquals(fresh.institution(c, 1.7), reused.institution(c, 1.7));
            }
            assertEquals(fresh.total(), reused.total(), "total at " + horizon);
        }
        UncertainRiskModel otherSeed = UncertainRiskModel.build(
                DATA, POINT, JointDraws.of(cadence, cells, attempted, realised, 18), 40, 365, 0.9);
        UncertainRiskModel sameSeed = UncertainRiskModel.build(DATA, POINT, prepared, 40, 365, 0.9);
        assertNotEquals(
                sameSeed.total().expectedRealisedLoss(), otherSeed.total().expectedRealisedLoss());
    }
}
