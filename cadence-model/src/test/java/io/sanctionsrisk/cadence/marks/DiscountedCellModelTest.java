package io.sanctionsrisk.cadence.marks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DiscountedCellModelTest {

    static final List<String> SECTORS = List.of("central-bank", "commercial-bank", "crypto-exchange", "defi-bridge");
    static final List<String> REGIONS =
            List.of("eastern-asia", "southern-asia", "south-america", "western-asia", "caribbean");

    static List<MarkedEvent> randomEvents(long seed, int n) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<MarkedEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // skewed: most heists in a few cells, so many cells stay empty
            int s = Math.min(SECTORS.size() - 1, (int) (-Math.log(1 - rng.nextDouble()) * 1.2));
            int r = Math.min(REGIONS.size() - 1, (int) (-Math.log(1 - rng.nextDouble()) * 0.8));
            events.add(MarkedEvent.of(rng.nextDouble() * 3000, new Cell(SECTORS.get(s), REGIONS.get(r))));
        }
        return events;
    }

    @Test
    void withTheNewPartsSwitchedOffItEqualsTodaysCellShareModel() {
        for (long seed = 1; seed <= 5; seed++) {
            List<MarkedEvent> events = randomEvents(seed, 10 + 9 * (int) seed);
            List<Cell> cells = new ArrayList<>();
            for (String s : SECTORS) {
                for (String r : REGIONS) {
                    cells.add(new Cell(s, r));
                }
            }
            Map<Cell, Long> counts = new TreeMap<>();
            events.forEach(e -> counts.merge(e.cell(), 1L, Long::sum));
            List<CellShare> today = CellShareModel.posterior(cells, counts);
            List<DiscountedCellShare> now = DiscountedCellModel.fit(SECTORS, REGIONS, events, 3000, MarkPrior.STATIC)
                    .shares(0.90);
            assertEquals(today.size(), now.size());
            for (int c = 0; c < today.size(); c++) {
                assertEquals(today.get(c).cell(), now.get(c).cell());
                assertEquals(today.get(c).count(), now.get(c).count());
                assertEquals(today.get(c).mean(), now.get(c).mean(), 1e-12);
                assertEquals(today.get(c).priorWeight(), now.get(c).priorWeight(), 1e-12);
                assertEquals(today.get(c).lower(), now.get(c).interval().lower(), 1e-12);
                assertEquals(today.get(c).upper(), now.get(c).interval().upper(), 1e-12);
            }
        }
    }

    @Test
    void everyCellsMeanLiesInsideItsIntervalEmptyCellsIncluded() {
        for (MarkPrior prior : List.of(
                MarkPrior.STATIC,
                new MarkPrior(730, 8, MarkPrior.Base.NESTED),
                new MarkPrior(365, 0.5, MarkPrior.Base.UNIFORM),
                new MarkPrior(180, 0.5, MarkPrior.Base.NESTED),
                new MarkPrior(Double.POSITIVE_INFINITY, 64, MarkPrior.Base.NESTED))) {
            List<DiscountedCellShare> shares = DiscountedCellModel.fit(
                            SECTORS, REGIONS, randomEvents(7, 44), 3000, prior)
                    .shares(0.90);
            for (DiscountedCellShare s : shares) {
                assertTrue(s.interval().contains(s.mean()), s + " under " + prior);
                assertTrue(s.interval().lower() >= 0 && s.interval().upper() <= 1);
            }
        }
    }

    @Test
    void anEmptyCellOfALargeGridKeepsItsMeanInsideWhereTheEqualTailedIntervalMissedIt() {
        List<String> sectors = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sectors.add("sector-" + i);
        }
        for (int i = 0; i < 24; i++) {
            regions.add("region-" + i);
        }
        List<MarkedEvent> events = new ArrayList<>();
        for (int i = 0; i < 44; i++) {
            events.add(MarkedEvent.of(i, new Cell(sectors.get(i % 3), regions.get(i % 5))));
        }
        List<DiscountedCellShare> shares = DiscountedCellModel.fit(sectors, regions, events, 50, MarkPrior.STATIC)
                .shares(0.9);
        int missedBefore = 0;
        for (DiscountedCellShare s : shares) {
            assertTrue(s.interval().contains(s.mean()), s.toString());
            double a = s.discountedCount() + s.priorWeight();
            double old = new org.apache.commons.math3.distribution.BetaDistribution(null, a, 45 - a, 1e-14)
                    .inverseCumulativeProbability(0.95);
            missedBefore += old < s.mean() ? 1 : 0;
        }
        assertEquals(288 - 15, missedBefore); // every empty cell
        for (MarkPrior nested : List.of(
                new MarkPrior(180, 0.5, MarkPrior.Base.NESTED), new MarkPrior(365, 64, MarkPrior.Base.NESTED))) {
            for (DiscountedCellShare s : DiscountedCellModel.fit(sectors, regions, events, 50, nested)
                    .shares(0.9)) {
                assertTrue(s.interval().contains(s.mean()), s + " under " + nested);
            }
        }
    }

    @Test
    void aHeistOneHalfLifeOldWeighsOneHalfAndLaterKnowledgeIsIgnored() {
        Cell a = new Cell("central-bank", "eastern-asia");
        List<MarkedEvent> events = List.of(
                MarkedEvent.of(1000, a),
                MarkedEvent.of(1730, a),
                new MarkedEvent(1700, 1900, a, Double.NaN, Double.NaN)); // attributed after the origin
        CellPosterior p =
                DiscountedCellModel.fit(SECTORS, REGIONS, events, 1730, new MarkPrior(730, 2, MarkPrior.Base.UNIFORM));
        List<DiscountedCellShare> shares = p.shares(0.9);
        assertEquals(2, shares.get(0).count());
        assertEquals(1.5, shares.get(0).discountedCount(), 1e-12);
        assertEquals(1.5, p.effectiveHeists(), 1e-12);
        assertEquals((1.5 + 2.0 / 20) / 3.5, p.mean(0), 1e-12);
    }

    @Test
    void theNestedBaseShrinksRegionsWithinASectorTowardTheRegionSharesWithoutCountingSectorsTwice() {
        List<MarkedEvent> events = randomEvents(3, 30);
        CellPosterior p =
                DiscountedCellModel.fit(SECTORS, REGIONS, events, 3000, new MarkPrior(1000, 10, MarkPrior.Base.NESTED));
        double mean = 0;
        for (DiscountedCellShare s : p.shares(0.9)) {
            mean += s.mean();
        }
        assertEquals(1, mean, 1e-12);
        // the sector's share comes from its own discounted count with one pseudo-heist spread over the sectors
        double sector = 0;
        for (MarkedEvent e : events) {
            sector += e.cell().sector().equals("central-bank") ? Math.pow(0.5, (3000 - e.time()) / 1000) : 0;
        }
        assertEquals((sector + 0.25) / (p.effectiveHeists() + 1), p.groupMean(Set.of("central-bank")), 1e-12);
        // an empty cell in a busy region gets more than an empty cell of the same sector in a quiet region
        int busy = p.indexOf(new Cell("defi-bridge", "eastern-asia"));
        int quiet = p.indexOf(new Cell("defi-bridge", "caribbean"));
        assertTrue(p.mean(busy) > p.mean(quiet));
        // a huge a0 pulls every cell to the product of the sector and region shares
        CellPosterior flat = DiscountedCellModel.fit(
                SECTORS, REGIONS, events, 3000, new MarkPrior(1000, 1e9, MarkPrior.Base.NESTED));
        double region = 0;
        for (MarkedEvent e : events) {
            region += e.cell().region().equals("eastern-asia") ? Math.pow(0.5, (3000 - e.time()) / 1000) : 0;
        }
        double r = (region + 0.2) / (flat.effectiveHeists() + 1);
        assertEquals(flat.groupMean(Set.of("defi-bridge")) * r, flat.mean(busy), 1e-6);
    }

    @Test
    void drawsAreSeededAndCentredOnTheMean() {
        CellPosterior p = DiscountedCellModel.fit(
                SECTORS, REGIONS, randomEvents(5, 25), 3000, new MarkPrior(1461, 4, MarkPrior.Base.NESTED));
        double[][] a = p.draws(4000, 11);
        double[][] b = p.draws(4000, 11);
        assertTrue(java.util.Arrays.deepEquals(a, b));
        assertFalse(java.util.Arrays.equals(a[0], p.draws(1, 12)[0]));
        for (int c = 0; c < p.size(); c++) {
            double sum = 0;
            for (double[] d : a) {
                sum += d[c];
            }
            double mean = p.mean(c);
            double sd = Math.sqrt(
                    mean * (1 - mean) / (p.effectiveHeists() + p.prior().strength() + 1));
            assertEquals(mean, sum / a.length, 4 * sd / Math.sqrt(a.length) + 1e-12, "cell " + c);
        }
        double bank = p.groupMean(Set.of("central-bank", "commercial-bank"));
        assertTrue(
                p.groupInterval(Set.of("central-bank", "commercial-bank"), 0.9).contains(bank));
    }

    @Test
    void rejectsACellOutsideTheGrid() {
        List<MarkedEvent> events = List.of(MarkedEvent.of(10, new Cell("casino", "eastern-asia")));
        assertThrows(
                IllegalArgumentException.class,
                () -> DiscountedCellModel.fit(SECTORS, REGIONS, events, 100, MarkPrior.STATIC));
        assertThrows(IllegalArgumentException.class, () -> new MarkPrior(0, 1, MarkPrior.Base.UNIFORM));
        assertThrows(IllegalArgumentException.class, () -> new MarkedEvent(10, 5, null, Double.NaN, Double.NaN));
    }
}
