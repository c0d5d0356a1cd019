package io.sanctionsrisk.cadence.dates;

import java.time.LocalDate;

/** A sanction effective on a date, with its weight (severity-derived; 0 for easing measures). */
public record DatedSanction(LocalDate date, double weight, String key) {

    public DatedSanction {
        if (date == null) {
            throw new IllegalArgumentException("sanction date is required");
        }
        if (!Double.isFinite(weight) || weight < 0) {
            throw new IllegalArgumentException("sanction weight must be finite and >= 0, got " + weight);
        }
    }
}
