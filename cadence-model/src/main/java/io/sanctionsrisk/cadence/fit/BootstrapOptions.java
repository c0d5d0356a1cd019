package io.sanctionsrisk.cadence.fit;

import java.time.Duration;

/**
 * The parametric bootstrap of the sanctions term: how many data sets to simulate under the null, the wall-clock
 * budget for all of them, and the seed. {@link #NONE} (0 replicates) switches it off.
 */
public record BootstrapOptions(int replicates, Duration budget, long seed) {

    public static final int MAX_REPLICATES = 10_000;

    public static final int DEFAULT_REPLICATES = 199;

    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(120);

    public static final long DEFAULT_SEED = 20_251_130L;

    /** No bootstrap. */
    public static final BootstrapOptions NONE = new BootstrapOptions(0, DEFAULT_BUDGET, DEFAULT_SEED);

    public BootstrapOptions {
        if (replicates < 0 || replicates > MAX_REPLICATES) {
            throw new IllegalArgumentException(
                    "bootstrap replicates must be between 0 and " + MAX_REPLICATES + ", got " + replicates);
        }
        if (budget == null || budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("bootstrap budget must be a positive duration, got " + budget);
        }
    }

    /** 199 replicates, 120 s, the default seed. */
    public static BootstrapOptions defaults() {
        return new BootstrapOptions(DEFAULT_REPLICATES, DEFAULT_BUDGET, DEFAULT_SEED);
    }

    public boolean enabled() {
        return replicates > 0;
    }
}
