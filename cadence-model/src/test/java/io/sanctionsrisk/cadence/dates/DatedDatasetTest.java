package io.sanctionsrisk.cadence.dates;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatedDatasetTest {

    private static final LocalDate START = LocalDate.of(2014, 1, 1);

    @Test
    void spreadsSameDayEventsInsideTheDayOrderedByKeyAndDropsNone() {
        List<DatedEvent> events = List.of(
                new DatedEvent(LocalDate.of(2014, 1, 3), "c"),
                new DatedEvent(LocalDate.of(2014, 1, 2), "z"),
                new DatedEvent(LocalDate.of(2014, 1, 3), "a"),
                new DatedEvent(LocalDate.of(2014, 1, 3), "b"));
        DatedDataset ds = DatedDataset.build(START, LocalDate.of(2014, 12, 31), events, List.of());
        assertEquals(365, ds.data().windowEnd());
        assertArrayEquals(
                new double[] {1.5, 2 + 1.0 / 6, 2.5, 2 + 5.0 / 6}, ds.data().eventTimes(), 1e-12);
        assertEquals(List.of("z", "a", "b", "c"), ds.eventKeys());
    }

    @Test
    void isIndependentOfInputOrder() {
        List<DatedEvent> events = List.of(
                new DatedEvent(LocalDate.of(2014, 5, 3), "x"),
                new DatedEvent(LocalDate.of(2014, 5, 3), "y"),
                new DatedEvent(LocalDate.of(2014, 2, 1), "w"));
        List<DatedEvent> reversed = List.of(events.get(2), events.get(1), events.get(0));
        LocalDate end = LocalDate.of(2014, 12, 31);
        assertEquals(
                DatedDataset.build(START, end, events, List.of()), DatedDataset.build(START, end, reversed, List.of()));
    }

    @Test
    void placesSanctionsAtTheStartOfTheirDateIncludingBeforeTheWindow() {
        DatedDataset ds = DatedDataset.build(
                START,
                LocalDate.of(2014, 1, 31),
                List.of(new DatedEvent(LocalDate.of(2014, 1, 10), "e")),
                List.of(new DatedSanction(LocalDate.of(2013, 3, 7), 5, "UNSC-2094")));
        assertEquals(-300, ds.data().sanctions().get(0).time());
        assertEquals(LocalDate.of(2014, 1, 10), ds.dateOf(9.5));
        assertEquals(9, ds.timeOf(LocalDate.of(2014, 1, 10)));
    }

    @Test
    void rejectsEventDatesOutsideTheWindowAndReversedWindows() {
        assertThrows(
                IllegalArgumentException.class,
                () -> DatedDataset.build(
                        START,
                        LocalDate.of(2014, 1, 31),
                        List.of(new DatedEvent(LocalDate.of(2014, 2, 1), "late")),
                        List.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> DatedDataset.build(START, START.minusDays(1), List.of(), List.of()));
    }
}
