package io.sanctionsrisk.cadence.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.Sanction;
import io.sanctionsrisk.cadence.forecast.CadenceForecast;
import io.sanctionsrisk.cadence.forecast.ExpectedCount;
import io.sanctionsrisk.cadence.marks.Cell;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringModelTest {

    private static final CadenceParameters P = new CadenceParameters(0.01, 2.0, 0.3, 0.05, 0.02, 2);
    private static final CadenceData DATA = CadenceData.of(
            3650,
            new double[] {100, 400, 410, 1500, 2900, 3600},
            List.of(new Sanction(-200, 5), new Sanction(3000, 4)));
    private static final List<String> SECTORS = List.of("central-bank", "commercial-bank", "crypto-exchange");
    private static final List<String> REGIONS = List.of("eastern-asia", "southern-asia");

    static ExposureTable table() {
        Map<ExposureFactor, Map<String, Double>> m = new EnumMap<>(ExposureFactor.class);
        double[][] values = {{0.4, 0.8, 1.2}, {0.7, 0.9, 1.6}, {0.8, 1.0, 1.4}, {0.6, 1.0, 1.5}};
        for (ExposureFactor f : ExposureFactor.values()) {
            Map<String, Double> levels = new LinkedHashMap<>();
            for (int i = 0; i < 3; i++) {
                levels.put(f.levels().get(i), values[f.ordinal()][i]);
            }
            m.put(f, levels);
        }
        return new ExposureTable(m);
    }

    static ScoringModel model(double gap, double horizon) {
        CellGrid grid = CellGrid.posterior(
                SECTORS,
                REGIONS,
                Map.of(new Cell("central-bank", "southern-asia"), 2L, new Cell("crypto-exchange", "eastern-asia"), 4L),
                1.0,
                0.9);
        return new ScoringModel(
                grid, HorizonForecast.expectedCount(DATA, P, gap, horizon), new Severities(5e7, 1e7), table());
    }

    @Test
    void scoreIsMonotoneInTheProbabilityWithDocumentedAnchorsAndBands() {
        double previous = -1;
        for (double logP = -6; logP <= 0; logP += 0.01) {
            double s = ScoreScale.score(Math.pow(10, logP));
            assertTrue(s >= previous, "not monotone at log10 p = " + logP);
            assertTrue(s >= 0 && s <= 100);
            if (logP > -4 && logP < 0) {
                assertTrue(s > previous, "not strictly increasing at log10 p = " + logP);
            }
            previous = s;
        }
        assertEquals(0, ScoreScale.score(0));
        assertEquals(0, ScoreScale.score(Double.NaN));
        assertEquals(25, ScoreScale.score(1e-3), 1e-9);
        assertEquals(50, ScoreScale.score(1e-2), 1e-9);
        assertEquals(75, ScoreScale.score(1e-1), 1e-9);
        assertEquals(100, ScoreScale.score(1));
        assertEquals(ScoreBand.LOW, ScoreScale.band(24.99));
        assertEquals(ScoreBand.MODERATE, ScoreScale.band(25));
        assertEquals(ScoreBand.HIGH, ScoreScale.band(50));
        assertEquals(ScoreBand.SEVERE, ScoreScale.band(75));
    }

    @Test
    void contributionsSumToTheExpectedCountForEveryExposureProfile() {
        ScoringModel model = model(0, 365);
        for (int cell = 0; cell < model.grid().size(); cell++) {
            for (int swift = -1; swift < 3; swift++) {
                for (int control = -1; control < 3; control++) {
                    Map<ExposureFactor, String> stated = new EnumMap<>(ExposureFactor.class);
                    if (swift >= 0) {
                        stated.put(
                                ExposureFactor.SWIFT_CONNECTIVITY,
                                ExposureFactor.SWIFT_CONNECTIVITY.levels().get(swift));
                    }
                    if (control >= 0) {
                        stated.put(
                                ExposureFactor.CONTROL_MATURITY,
                                ExposureFactor.CONTROL_MATURITY.levels().get(control));
                    }
                    stated.put(ExposureFactor.CRYPTO_CUSTODY, "hot-wallet");
                    InstitutionScore s = model.score(cell, ExposureProfile.of(stated));
                    double sum = s.baseline() + s.sanctions() + s.selfExcitation();
                    for (ExposureEffect e : s.exposure()) {
                        sum += e.expectedCount();
                    }
                    assertEquals(s.expectedCount(), sum, 1e-14 * s.expectedCount());
                    assertEquals(-Math.expm1(-s.expectedCount()), s.probabilityAtLeastOne(), 1e-16);
                    assertEquals(s.expectedCount() * 5e7, s.expectedAttemptedLoss(), 1e-6);
                    assertEquals(s.expectedCount() * 1e7, s.expectedRealisedLoss(), 1e-6);
                    assertTrue(s.interval().expectedCountLower() <= s.expectedCount());
                    assertTrue(s.interval().expectedCountUpper() >= s.expectedCount());
                    assertTrue(s.interval().scoreLower() <= s.score()
                            && s.score() <= s.interval().scoreUpper());
                }
            }
        }
    }

    @Test
    void exposureMultipliersScaleTheCellCountAndAreListedInOrder() {
        ScoringModel model = model(0, 365);
        int cell = model.grid().cell(1, 0);
        InstitutionScore plain = model.score(cell, ExposureProfile.NONE);
        assertEquals(1.0, plain.exposureMultiplier());
        assertEquals(List.of(), plain.exposure());
        assertEquals(plain.cellShare() * model.forecast().total(), plain.expectedCount(), 1e-15);

        Map<ExposureFactor, String> stated = new EnumMap<>(ExposureFactor.class);
        stated.put(ExposureFactor.CONTROL_MATURITY, "basic");
        stated.put(ExposureFactor.SWIFT_CONNECTIVITY, "direct");
        InstitutionScore exposed = model.score(cell, ExposureProfile.of(stated));
        assertEquals(1.2 * 1.5, exposed.exposureMultiplier(), 1e-15);
        assertEquals(1.8 * plain.expectedCount(), exposed.expectedCount(), 1e-15);
        assertEquals(2, exposed.exposure().size());
        assertEquals(
                ExposureFactor.SWIFT_CONNECTIVITY, exposed.exposure().get(0).factor());
        assertEquals(0.2 * plain.expectedCount(), exposed.exposure().get(0).expectedCount(), 1e-15);
        assertEquals(
                1.2 * 0.5 * plain.expectedCount(), exposed.exposure().get(1).expectedCount(), 1e-15);
        assertTrue(exposed.score() > plain.score());

        InstitutionScore safer =
                model.score(cell, ExposureProfile.of(Map.of(ExposureFactor.CONTROL_MATURITY, "advanced")));
        assertTrue(safer.expectedCount() < plain.expectedCount());
        assertTrue(safer.exposure().get(0).expectedCount() < 0);
        assertThrows(
                IllegalArgumentException.class,
                () -> ExposureProfile.of(Map.of(ExposureFactor.CRYPTO_CUSTODY, "lukewarm")));
    }

    @Test
    void cellsSumToTheTotalAndTheCellPartsToTheForecastParts() {
        ScoringModel model = model(200, 730);
        double count = 0;
        double loss = 0;
        double baseline = 0;
        for (int c = 0; c < model.grid().size(); c++) {
            count += model.cell(c).expectedCount();
            loss += model.cell(c).expectedRealisedLoss();
            baseline += model.score(c, ExposureProfile.NONE).baseline();
        }
        assertEquals(model.total().expectedCount(), count, 1e-12 * count);
        assertEquals(model.total().expectedRealisedLoss(), loss, 1e-12 * loss);
        assertEquals(model.forecast().baseline(), baseline, 1e-12 * baseline);
        assertEquals(-Math.expm1(-count), model.total().probabilityAtLeastOne(), 1e-12);
    }

    @Test
    void aHorizonAfterAGapIsTheDifferenceOfTheForecastsFromTheWindowEnd() {
        ExpectedCount gapped = HorizonForecast.expectedCount(DATA, P, 300, 365);
        ExpectedCount first = CadenceForecast.expectedCount(DATA, P, List.of(), 300);
        ExpectedCount all = CadenceForecast.expectedCount(DATA, P, List.of(), 665);
        assertEquals(all.total(), first.total() + gapped.total(), 1e-12);
        assertEquals(all.sanctions(), first.sanctions() + gapped.sanctions(), 1e-12);
        assertEquals(
                CadenceForecast.expectedCount(DATA, P, List.of(), 365).total(),
                HorizonForecast.expectedCount(DATA, P, 0, 365).total());
        // the history's memory fades: later horizons carry less self-excitation
        assertTrue(gapped.selfExcitation()
                < HorizonForecast.expectedCount(DATA, P, 0, 365).selfExcitation());
    }

    @Test
    void scoringManyIsScoringEachAlone() {
        ScoringModel shared = model(10, 365);
        for (int c = 0; c < shared.grid().size(); c++) {
            ExposureProfile profile =
                    ExposureProfile.of(Map.of(ExposureFactor.CORRESPONDENT_EXPOSURE, c % 2 == 0 ? "high" : "low"));
            assertEquals(model(10, 365).score(c, profile), shared.score(c, profile));
        }
    }

    @Test
    void rejectsAnIncompleteExposureTable() {
        assertThrows(IllegalArgumentException.class, () -> new ExposureTable(Map.of()));
        Map<ExposureFactor, Map<String, Double>> m = new EnumMap<>(table().asMap());
        m.put(ExposureFactor.CONTROL_MATURITY, Map.of("advanced", 0.6, "intermediate", 1.0, "basic", -1.0));
        assertThrows(IllegalArgumentException.class, () -> new ExposureTable(m));
    }
}
