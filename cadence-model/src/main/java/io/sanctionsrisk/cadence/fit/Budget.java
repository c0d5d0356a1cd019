package io.sanctionsrisk.cadence.fit;

import java.util.concurrent.atomic.AtomicLong;

/** The fit's wall-clock deadline and its count of likelihood passes, shared by the searches of one fit. */
final class Budget {

    private final long deadline;
    private final AtomicLong evaluations = new AtomicLong();
    private volatile boolean hit;

    Budget(long deadlineNanos) {
        this.deadline = deadlineNanos;
    }

    /** Throws {@link DeadlineReached} once the deadline has passed (and from then on). */
    void check() {
        if (hit || System.nanoTime() - deadline > 0) {
            hit = true;
            throw new DeadlineReached();
        }
    }

    void count(long passes) {
        evaluations.addAndGet(passes);
    }

    long evaluations() {
        return evaluations.get();
    }

    boolean hit() {
        return hit;
    }

    /** Thrown inside a search when the deadline passes; the search keeps its best point so far. */
    static final class DeadlineReached extends RuntimeException {
        DeadlineReached() {
            super("fit deadline reached", null, false, false);
        }
    }
}
