package io.sanctionsrisk.cadence.marks;

/**
 * A heist with its marks, in model time (days). {@code knownFrom} is when it became public knowledge as a heist of
 * the modelled actor (its first public attribution); an analysis as of time T uses it only if {@code knownFrom <=
 * T}. {@code cell} is null when the sector or region is unknown; amounts are NaN when unknown.
 */
public record MarkedEvent(double time, double knownFrom, Cell cell, double attemptedUsd, double realisedUsd) {

    public MarkedEvent {
        if (!Double.isFinite(time)) {
            throw new IllegalArgumentException("event time must be finite, got " + time);
        }
        if (!Double.isFinite(knownFrom) || knownFrom < time) {
            throw new IllegalArgumentException(
                    "known-from time must be finite and not before the event (" + time + "), got " + knownFrom);
        }
        checkAmount("attempted", attemptedUsd);
        checkAmount("realised", realisedUsd);
    }

    /** An event known from its own time, without amounts. */
    public static MarkedEvent of(double time, Cell cell) {
        return new MarkedEvent(time, time, cell, Double.NaN, Double.NaN);
    }

    /** Whether an analysis as of {@code asOf} may use the event: it happened and was known by then. */
    public boolean knownBy(double asOf) {
        return time <= asOf && knownFrom <= asOf;
    }

    private static void checkAmount(String which, double amount) {
        if (!Double.isNaN(amount) && !(amount >= 0 && Double.isFinite(amount))) {
            throw new IllegalArgumentException(which + " amount must be finite and >= 0 (NaN: unknown), got " + amount);
        }
    }
}
