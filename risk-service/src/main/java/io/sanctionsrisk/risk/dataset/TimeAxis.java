package io.sanctionsrisk.risk.dataset;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Dates to model time: days since the window start (00:00 of its first day), so a date d is the interval
 * [day(d), day(d) + 1). The placement rule for heists, which the risk-service README documents:
 *
 * <ul>
 *   <li>an event known to the day, month or year lies somewhere in that day, month or year (clipped to the
 *       window);
 *   <li>the k events that share one such interval (same precision, same start) are spread evenly inside it,
 *       in the order of their keys, at the midpoints of k equal parts: a lone event at the middle of its day,
 *       two same-day events at 6:00 and 18:00.
 * </ul>
 *
 * No event is dropped. Events of one interval never coincide; an event known to the month can still meet a
 * day-precision event at the same instant, which the model allows (tied events do not excite each other). The
 * placement depends only on the records, so the same data always give the same times.
 */
public final class TimeAxis {

    private final LocalDate start;
    private final LocalDate endInclusive;

    public TimeAxis(LocalDate start, LocalDate endInclusive) {
        if (endInclusive.isBefore(start)) {
            throw new IllegalArgumentException("window end " + endInclusive + " is before its start " + start);
        }
        this.start = start;
        this.endInclusive = endInclusive;
    }

    public LocalDate start() {
        return start;
    }

    public LocalDate endInclusive() {
        return endInclusive;
    }

    /** Window length T in days: the end date is included. */
    public double lengthDays() {
        return ChronoUnit.DAYS.between(start, endInclusive) + 1.0;
    }

    /** The start of a date's day on the axis (negative before the window). */
    public double dayOf(LocalDate date) {
        return ChronoUnit.DAYS.between(start, date);
    }

    /** The date whose day contains time {@code t}. */
    public LocalDate dateAt(double t) {
        return start.plusDays((long) Math.floor(t));
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(endInclusive);
    }

    /** How precisely a date is known; a month or year date is its first day. */
    public enum Precision {
        DAY,
        MONTH,
        YEAR;

        /** day, month or year (case-insensitive); anything else is read as day. */
        public static Precision of(String code) {
            if (code == null) {
                return DAY;
            }
            return switch (code.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "month" -> MONTH;
                case "year" -> YEAR;
                default -> DAY;
            };
        }

        LocalDate intervalStart(LocalDate date) {
            return switch (this) {
                case DAY -> date;
                case MONTH -> date.withDayOfMonth(1);
                case YEAR -> date.withDayOfYear(1);
            };
        }

        LocalDate intervalEndExclusive(LocalDate date) {
            return switch (this) {
                case DAY -> date.plusDays(1);
                case MONTH -> date.withDayOfMonth(1).plusMonths(1);
                case YEAR -> date.withDayOfYear(1).plusYears(1);
            };
        }
    }

    /**
     * Places dated items on the axis by the rule above. Items must lie in the window (their date); the result
     * lists the times in the order of {@code items}.
     */
    public <T> double[] place(
            List<T> items, Function<T, LocalDate> date, Function<T, Precision> precision, Function<T, String> key) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            Precision p = precision.apply(item);
            LocalDate d = date.apply(item);
            if (!contains(d)) {
                throw new IllegalArgumentException(
                        "date " + d + " lies outside the window " + start + ".." + endInclusive);
            }
            groups.computeIfAbsent(p + "@" + p.intervalStart(d), g -> new ArrayList<>())
                    .add(i);
        }
        double[] times = new double[items.size()];
        double windowEnd = lengthDays();
        for (List<Integer> group : groups.values()) {
            group.sort(Comparator.comparing(
                            (Integer i) -> key.apply(items.get(i)), Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparingInt(i -> i));
            T first = items.get(group.get(0));
            Precision p = precision.apply(first);
            LocalDate d = date.apply(first);
            double from = Math.max(0.0, dayOf(p.intervalStart(d)));
            double to = Math.min(windowEnd, dayOf(p.intervalEndExclusive(d)));
            double width = (to - from) / group.size();
            for (int r = 0; r < group.size(); r++) {
                times[group.get(r)] = from + (r + 0.5) * width;
            }
        }
        return times;
    }
}
