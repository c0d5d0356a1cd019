package io.sanctionsrisk.gateway.proxy;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A per-backend circuit breaker on consecutive failures. Closed: every call passes, {@code failureThreshold}
 * consecutive failures open it. Open: calls are refused for {@code openDelay}. Half-open: one trial call passes; its
 * success closes the breaker, its failure opens it again. Thread-safe (calls come from every event loop).
 */
public final class CircuitBreaker {

    public enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    /** The answer to "may I call?": no, yes, or yes as the one trial of a half-open breaker. */
    public enum Admission {
        REFUSED,
        CALL,
        TRIAL
    }

    private final int failureThreshold;
    private final long openDelayNanos;
    private final LongSupplier nanoClock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openUntil;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, Duration openDelay, LongSupplier nanoClock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failure threshold must be at least 1");
        }
        this.failureThreshold = failureThreshold;
        this.openDelayNanos = openDelay.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Whether a call may go to the backend now; an admitted call must be followed by exactly one outcome call. */
    public synchronized Admission tryAcquire() {
        switch (state) {
            case CLOSED:
                return Admission.CALL;
            case OPEN:
                if (nanoClock.getAsLong() - openUntil < 0) {
                    return Admission.REFUSED;
                }
                state = State.HALF_OPEN;
                trialInFlight = true;
                return Admission.TRIAL;
            case HALF_OPEN:
            default:
                if (trialInFlight) {
                    return Admission.REFUSED;
                }
                trialInFlight = true;
                return Admission.TRIAL;
        }
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    public synchronized void onFailure() {
        switch (state) {
            case HALF_OPEN:
                open();
                break;
            case CLOSED:
                consecutiveFailures++;
                if (consecutiveFailures >= failureThreshold) {
                    open();
                }
                break;
            case OPEN:
            default:
                // a call that started before the breaker opened: it changes nothing
                break;
        }
    }

    /** The call ended without telling anything about the backend (e.g. the caller went away). */
    public synchronized void onAbandoned() {
        if (state == State.HALF_OPEN) {
            trialInFlight = false;
        }
    }

    public synchronized State state() {
        return state;
    }

    /** Whole seconds until an open breaker lets a trial through (at least 1); 0 unless open. */
    public synchronized long secondsUntilTrial() {
        if (state != State.OPEN) {
            return 0;
        }
        long remaining = openUntil - nanoClock.getAsLong();
        return Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
    }

    public synchronized void reset() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    private void open() {
        state = State.OPEN;
        openUntil = nanoClock.getAsLong() + openDelayNanos;
        consecutiveFailures = 0;
        trialInFlight = false;
    }
}
