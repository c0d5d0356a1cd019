package io.sanctionsrisk.gateway.ratelimit;

import java.util.function.LongSupplier;

/**
 * A token bucket: holds up to {@code burst} tokens, refills at {@code ratePerSecond}, and a request takes one token.
 * Thread-safe.
 */
public final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoClock;

    private double tokens;
    private long refilledAt;

    public TokenBucket(double ratePerSecond, int burst, LongSupplier nanoClock) {
        if (!(ratePerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("rate must be positive and burst at least 1");
        }
        this.capacity = burst;
        this.tokensPerNano = ratePerSecond / NANOS_PER_SECOND;
        this.nanoClock = nanoClock;
        this.tokens = burst;
        this.refilledAt = nanoClock.getAsLong();
    }

    /**
     * Takes a token if there is one.
     *
     * @return 0 when the request may pass, otherwise the nanoseconds until the next token
     */
    public synchronized long tryTake() {
        return tryTake(1);
    }

    /**
     * Takes {@code cost} tokens if the bucket holds them, or holds a full bucket when the cost is larger than the
     * bucket: such a request passes and leaves the bucket in debt, which later requests wait out. So a large batch is
     * never impossible, and it costs its client as much as that many single requests.
     *
     * @return 0 when the request may pass, otherwise the nanoseconds until it may
     */
    public synchronized long tryTake(double cost) {
        refill();
        double needed = Math.min(cost, capacity);
        if (tokens >= needed) {
            tokens -= cost;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((needed - tokens) / tokensPerNano));
    }

    /** Takes {@code cost} tokens whatever the bucket holds (it may go into debt): for work already done. */
    public synchronized void charge(double cost) {
        refill();
        tokens -= cost;
    }

    /** A full bucket behaves exactly like a new one, so it can be dropped without changing anything. */
    public synchronized boolean isFull() {
        refill();
        return tokens >= capacity;
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        long elapsed = now - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            refilledAt = now;
        }
    }
}
