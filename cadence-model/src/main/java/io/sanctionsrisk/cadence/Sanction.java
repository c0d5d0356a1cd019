package io.sanctionsrisk.cadence;

/**
 * An exogenous sanctions shock at {@code time} (days, may precede the window start) with a non-negative
 * {@code weight} (severity-derived, chosen by the caller). Easing measures are the caller's business:
 * pass them with weight 0 or leave them out.
 */
public record Sanction(double time, double weight) {

    public Sanction {
        if (!Double.isFinite(time)) {
            throw new IllegalArgumentException("sanction time must be a finite number of days, got " + time);
        }
        if (!Double.isFinite(weight) || weight < 0) {
            throw new IllegalArgumentException("sanction weight must be finite and >= 0, got " + weight);
        }
        time = time + 0.0; // normalises -0.0 so that ordering and equality are plain
    }
}
