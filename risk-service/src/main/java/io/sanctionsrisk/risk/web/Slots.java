package io.sanctionsrisk.risk.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A fair gate on the expensive operations of one replica (inline fits, scenarios, backtests): a caller waits up to
 * the queue wait for a slot and otherwise gets a 503 {@code busy} problem with Retry-After, the load shedding the
 * gateway passes on without counting it as a backend failure.
 */
public final class Slots {

    private static final int RETRY_AFTER_SECONDS = 5;

    private final Semaphore permits;
    private final int size;
    private final Duration queueWait;
    private final String what;

    /** {@code what} names the operation in the plural, as in "3 fits are running on this replica". */
    public Slots(int size, Duration queueWait, String what) {
        this.size = Math.max(1, size);
        this.permits = new Semaphore(this.size, true);
        this.queueWait = queueWait;
        this.what = what;
    }

    /** Runs {@code work} in a slot; the slot is freed however the work ends. */
    public <T> T run(Supplier<T> work) {
        try (Permit ignored = take()) {
            return work.get();
        }
    }

    /**
     * Takes a slot, waiting up to the queue wait, or throws the 503 {@code busy} problem. The slot is held until the
     * permit is closed; for work that must hold its slot before it does anything costly (reading a request body).
     */
    public Permit take() {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(queueWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.retryLater(
                    ProblemType.BUSY, "interrupted while waiting for a free slot for " + what, RETRY_AFTER_SECONDS);
        }
        if (!acquired) {
            throw ApiProblem.retryLater(
                    ProblemType.BUSY,
                    size + " " + what + " are running on this replica; try again shortly",
                    RETRY_AFTER_SECONDS);
        }
        return new Permit();
    }

    /** A held slot; closing it frees the slot (once, however often it is closed). */
    public final class Permit implements AutoCloseable {

        private final java.util.concurrent.atomic.AtomicBoolean held =
                new java.util.concurrent.atomic.AtomicBoolean(true);

        private Permit() {}

        @Override
        public void close() {
            if (held.compareAndSet(true, false)) {
                permits.release();
            }
        }
    }
}
