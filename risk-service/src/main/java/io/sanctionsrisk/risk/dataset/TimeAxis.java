package io.sanctionsrisk.risk.dataset;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Dates to model time, as the model's dated datasets define it: days since 00:00 of the window's first day, so
 * date d covers [day(d), day(d) + 1) and the window, both end dates included, has length T = days + 1.
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

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(endInclusive);
    }
}
