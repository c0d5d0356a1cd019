package io.sanctionsrisk.cadence.marks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CellShareModelTest {

    private static List<Cell> grid() {
        List<Cell> cells = new ArrayList<>();
        for (String sector : List.of("central-bank", "commercial-bank", "crypto-exchange", "defi-bridge")) {
            for (String region : List.of("eastern-asia", "southern-asia", "latin-america-and-the-caribbean")) {
                cells.add(new Cell(sector, region));
            }
        }
        return cells;
    }

    @Test
    void emptyCellsGetSmallPositiveSharesAndSharesSumToOne() {
        List<Cell> cells = grid();
        Map<Cell, Long> counts = Map.of(
                new Cell("commercial-bank", "southern-asia"), 6L, new Cell("crypto-exchange", "eastern-asia"), 9L);
        List<CellShare> shares = CellShareModel.posterior(cells, counts);
        assertEquals(cells.size(), shares.size());
        double sum = shares.stream().mapToDouble(CellShare::mean).sum();
        assertEquals(1.0, sum, 1e-12);
        CellShare empty = shares.get(0);
        assertEquals(0, empty.count());
        assertEquals((1.0 / 12) / 16, empty.mean(), 1e-15);
        assertTrue(empty.mean() > 0 && empty.lower() >= 0 && empty.upper() > empty.mean());
        CellShare busy = shares.stream().filter(s -> s.count() == 9).findFirst().orElseThrow();
        assertTrue(busy.lower() < busy.mean() && busy.mean() < busy.upper());
        assertEquals((9 + 1.0 / 12) / 16, busy.mean(), 1e-15);
    }

    @Test
    void followsAGivenBaseMeasure() {
        List<Cell> cells = List.of(new Cell("a", "x"), new Cell("b", "x"));
        List<CellShare> shares =
                CellShareModel.posterior(cells, Map.of(), 4.0, Map.of(cells.get(0), 3.0, cells.get(1), 1.0), 0.9);
        assertEquals(0.75, shares.get(0).mean(), 1e-15);
        assertEquals(3.0, shares.get(0).priorWeight(), 1e-15);
    }

    @Test
    void rejectsCountsForUnknownCells() {
        assertThrows(
                IllegalArgumentException.class,
                () -> CellShareModel.posterior(List.of(new Cell("a", "x")), Map.of(new Cell("b", "x"), 1L)));
    }
}
