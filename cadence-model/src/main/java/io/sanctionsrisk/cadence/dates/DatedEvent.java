package io.sanctionsrisk.cadence.dates;

import java.time.LocalDate;

/** A heist on a calendar date with a stable key (e.g. its natural key) that orders same-day heists. */
public record DatedEvent(LocalDate date, String key) {

    public DatedEvent {
        if (date == null) {
            throw new IllegalArgumentException("event date is required");
        }
        if (key == null) {
            throw new IllegalArgumentException("event key is required (it orders same-day events)");
        }
    }
}
