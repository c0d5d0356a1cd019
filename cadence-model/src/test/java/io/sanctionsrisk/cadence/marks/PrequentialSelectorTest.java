package io.sanctionsrisk.cadence.marks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrequentialSelectorTest {

    private static final List<String> SECTORS = DiscountedCellModelTest.SECTORS;
    private static final List<String> REGIONS = DiscountedCellModelTest.REGIONS;

    private static PrequentialSelector.Selection select(List<MarkedEvent> events, double asOf) {
        return PrequentialSelector.select(
                SECTORS, REGIONS, events, asOf, 300, 91.3125, PrequentialSelector.defaultCandidates());
    }

    @Test
    void usesNothingThatWasUnknownAtTheTimeOfTheChoice() {
        List<MarkedEvent> events = DiscountedCellModelTest.randomEvents(21, 60);
        double asOf = 2000;
        PrequentialSelector.Selection before = select(events, asOf);
        List<MarkedEvent> more = new ArrayList<>(events);
        // heists after asOf, and heists before it that were attributed only after it, in another cell each time
        for (int i = 0; i < 30; i++) {
            Cell odd = new Cell(SECTORS.get(3), REGIONS.get(i % REGIONS.size()));
            more.add(MarkedEvent.of(asOf + 1 + i * 10, odd));
            more.add(new MarkedEvent(500 + i * 40, asOf + 1, odd, Double.NaN, Double.NaN));
        }
        PrequentialSelector.Selection after = select(more, asOf);
        assertEquals(before.chosen(), after.chosen());
        assertEquals(before.scores(), after.scores());
        assertEquals(before.scoredHeists(), after.scoredHeists());
        // the same heists known in time do change the scores
        List<MarkedEvent> known = new ArrayList<>(events);
        for (int i = 0; i < 30; i++) {
            known.add(MarkedEvent.of(500 + i * 40, new Cell(SECTORS.get(3), REGIONS.get(i % REGIONS.size()))));
        }
        assertNotEquals(before.scores(), select(known, asOf).scores());
    }

    @Test
    void prefersAShortHalfLifeAfterAChangeAndNoDiscountingWithoutOne() {
        List<MarkedEvent> drift = new ArrayList<>();
        List<MarkedEvent> stable = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            double t = i * 10 + 5;
            int region = (i * 7) % REGIONS.size();
            String early = i % 5 == 0 ? SECTORS.get(1) : SECTORS.get(0);
            String late = i % 5 == 0 ? SECTORS.get(0) : SECTORS.get(2);
            drift.add(MarkedEvent.of(t, new Cell(t < 2000 ? early : late, REGIONS.get(region))));
            stable.add(MarkedEvent.of(t, new Cell(early, REGIONS.get(region))));
        }
        MarkPrior afterChange = select(drift, 4000).chosen();
        MarkPrior noChange = select(stable, 4000).chosen();
        assertTrue(afterChange.halfLifeDays() <= 730, afterChange.toString());
        assertTrue(noChange.halfLifeDays() >= 2922, noChange.toString());
    }
}
