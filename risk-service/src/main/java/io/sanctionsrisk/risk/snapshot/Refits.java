package io.sanctionsrisk.risk.snapshot;

/**
 * Fits a new snapshot from the sanctions-service's current data, or finds that none is needed. The refit feature
 * implements it; the model resource and the scheduler call it without depending on how it is done.
 */
public interface Refits {

    enum Outcome {
        CREATED,
        REUSED,
        UNCHANGED
    }

    record Result(Outcome outcome, LoadedSnapshot snapshot) {}

    /** {@code trigger} says why (request, schedule, startup); {@code requestedBy} who asked, or null. */
    Result refit(String trigger, String requestedBy);

    /**
     * Fits anew on the current data even when they are unchanged, so that a new snapshot is stored and served
     * (outcome created); {@code requestedBy} is the steward who asked. Fails as {@link #refit} does.
     */
    Result forcedRefit(String requestedBy);
}
