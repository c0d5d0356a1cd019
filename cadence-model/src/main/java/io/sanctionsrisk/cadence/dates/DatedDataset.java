package io.sanctionsrisk.cadence.dates;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.Sanction;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A dataset built from calendar dates. Day d of the window (d = 0 for {@code windowStart}) covers times [d, d +
 * 1); the window runs from the start of {@code windowStart} to the end of {@code windowEnd}, so T = days + 1.
 *
 * <p>Tie rule (MODEL.md, "Same-day events"): the k heists dated on one day are ordered by their key (then by
 * input order for equal keys) and placed at d + (i + 0.5) / k, i = 0..k-1. No event is ever dropped. A
 * sanction takes effect at the start of its date, time d, so it precedes that day's heists.
 *
 * @param eventKeys the event keys in time order, aligned with {@code data.eventTimes()}
 */
public record DatedDataset(LocalDate windowStart, LocalDate windowEnd, CadenceData data, List<String> eventKeys) {

    public DatedDataset {
        eventKeys = List.copyOf(eventKeys);
    }

    /**
     * Builds the dataset. Throws IllegalArgumentException when the window is empty or reversed, or an event
     * falls outside it. Sanctions may fall before or after the window.
     */
    public static DatedDataset build(
            LocalDate windowStart, LocalDate windowEnd, List<DatedEvent> events, List<DatedSanction> sanctions) {
        if (windowStart == null || windowEnd == null) {
            throw new IllegalArgumentException("window start and end dates are required");
        }
        if (windowEnd.isBefore(windowStart)) {
            throw new IllegalArgumentException("window end " + windowEnd + " is before its start " + windowStart);
        }
        if (events == null || sanctions == null) {
            throw new IllegalArgumentException("events and sanctions are required (use empty lists for none)");
        }
        double T = ChronoUnit.DAYS.between(windowStart, windowEnd) + 1.0;
        List<Integer> order = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            DatedEvent e = events.get(i);
            if (e == null) {
                throw new IllegalArgumentException("event " + i + " is null");
            }
            if (e.date().isBefore(windowStart) || e.date().isAfter(windowEnd)) {
                throw new IllegalArgumentException("event " + e.key() + " on " + e.date() + " lies outside the window "
                        + windowStart + " .. " + windowEnd);
            }
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> events.get(i).date())
                .thenComparing(i -> events.get(i).key())
                .thenComparingInt(i -> i));
        double[] times = new double[order.size()];
        List<String> keys = new ArrayList<>(order.size());
        int i = 0;
        while (i < order.size()) {
            LocalDate day = events.get(order.get(i)).date();
            int j = i;
            while (j < order.size() && events.get(order.get(j)).date().equals(day)) {
                j++;
            }
            int k = j - i;
            double d = ChronoUnit.DAYS.between(windowStart, day);
            for (int q = 0; q < k; q++) {
                times[i + q] = d + (q + 0.5) / k;
                keys.add(events.get(order.get(i + q)).key());
            }
            i = j;
        }
        List<Sanction> converted = new ArrayList<>(sanctions.size());
        for (int j = 0; j < sanctions.size(); j++) {
            DatedSanction s = sanctions.get(j);
            if (s == null) {
                throw new IllegalArgumentException("sanction " + j + " is null");
            }
            converted.add(new Sanction(ChronoUnit.DAYS.between(windowStart, s.date()), s.weight()));
        }
        return new DatedDataset(windowStart, windowEnd, CadenceData.of(T, times, converted), keys);
    }

    /** Model time (days since the start of the window start date) of the start of {@code date}. */
    public double timeOf(LocalDate date) {
        return ChronoUnit.DAYS.between(windowStart, date);
    }

    /** The calendar date containing model time {@code t}. */
    public LocalDate dateOf(double t) {
        if (!Double.isFinite(t)) {
            throw new IllegalArgumentException("time must be finite, got " + t);
        }
        return windowStart.plusDays((long) Math.floor(t));
    }
}
