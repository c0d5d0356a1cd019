package io.sanctionsrisk.cadence.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.curated.CuratedFixture;
import io.sanctionsrisk.cadence.forecast.ExpectedCount;
import io.sanctionsrisk.cadence.marks.Cell;
import io.sanctionsrisk.cadence.marks.CellShareModel;
import io.sanctionsrisk.cadence.marks.MarkedEvent;
import io.sanctionsrisk.cadence.marks.ServedMarks;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The scores served today (static marks, ScoringModel) and with the new marks keep every point inside its interval. */
class ServedIntervalsTest {

    private static final CuratedFixture CURATED = CuratedFixture.load(true);
    private static final CadenceParameters P = new CadenceParameters(0.003, 0.26, 0.64, 0.000274, 0.007, 2);
    private static final CadenceData DATA = CURATED.cadenceData();

    @Test
    void everyCellsServedScoreLiesInsideItsIntervalWithTodaysAndTheNewMarks() {
        Map<Cell, Long> counts = new TreeMap<>();
        CURATED.events().stream().filter(e -> e.cell() != null).forEach(e -> counts.merge(e.cell(), 1L, Long::sum));
        CellGrid today = CellGrid.posterior(
                CURATED.sectors(), CURATED.regions(), counts, CellShareModel.DEFAULT_CONCENTRATION, 0.90);
        ServedMarks marks = ServedMarks.build(
                CURATED.sectors(),
                CURATED.regions(),
                CURATED.events(),
                CURATED.end(),
                CuratedFixture.day(LocalDate.of(2016, 1, 1)),
                365.25 / 4,
                CuratedFixture.SECTOR_GROUPS);
        CellGrid adaptive = CellGrid.of(marks.cells(), 0.90);
        ExposureProfile exposed = ExposureProfile.of(Map.of(
                ExposureFactor.values()[0], ExposureFactor.values()[0].levels().get(2)));
        for (CellGrid grid : List.of(today, adaptive)) {
            assertEquals(12 * 23, grid.size());
            for (double horizon : new double[] {30, 365, 730}) {
                ExpectedCount forecast = HorizonForecast.expectedCount(DATA, P, 0, horizon);
                ScoringModel model =
                        new ScoringModel(grid, forecast, new Severities(1e8, 5e7), ScoringModelTest.table());
                for (int c = 0; c < grid.size(); c++) {
                    for (ExposureProfile profile : List.of(ExposureProfile.NONE, exposed)) {
                        InstitutionScore s = model.score(c, profile);
                        ScoreInterval i = s.interval();
                        String where = grid.sectorOf(c) + "/" + grid.regionOf(c) + " at " + horizon + ": " + s;
                        assertTrue(
                                i.expectedCountLower() <= s.expectedCount()
                                        && s.expectedCount() <= i.expectedCountUpper(),
                                where);
                        assertTrue(
                                i.probabilityLower() <= s.probabilityAtLeastOne()
                                        && s.probabilityAtLeastOne() <= i.probabilityUpper(),
                                where);
                        assertTrue(i.scoreLower() <= s.score() && s.score() <= i.scoreUpper(), where);
                    }
                }
            }
        }
    }

    @Test
    void servedMarksFallBackToAPooledSeverityWhenAmountsAreFew() {
        List<MarkedEvent> few = List.of(
                new MarkedEvent(1, 1, new Cell("commercial-bank", "southern-asia"), 1e6, 1e6),
                new MarkedEvent(2, 2, new Cell("crypto-exchange", "eastern-asia"), 2e6, Double.NaN),
                new MarkedEvent(3, 3, new Cell("crypto-exchange", "eastern-asia"), 5e6, Double.NaN));
        ServedMarks marks =
                ServedMarks.build(CURATED.sectors(), CURATED.regions(), few, 10, 0, 5, CuratedFixture.SECTOR_GROUPS);
        assertNotNull(marks.attempted());
        assertEquals(1, marks.attempted().coefficients().length); // pooled, no trend
        assertNull(marks.realised()); // one positive amount
        assertTrue(marks.cells().effectiveHeists() > 0 && marks.cells().effectiveHeists() <= 3);
    }
}
