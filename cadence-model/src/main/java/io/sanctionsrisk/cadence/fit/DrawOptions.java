package io.sanctionsrisk.cadence.fit;

/**
 * Posterior draws of the cadence parameters by random-walk Metropolis ({@link ParameterSampler}): {@code chains}
 * chains, each discarding {@code burnIn} iterations (during which the proposal scale adapts) and then keeping
 * every {@code thin}-th of {@code iterations} iterations; {@code seed} fixes every chain. {@link #NONE} (0
 * chains) switches it off.
 */
public record DrawOptions(int chains, int burnIn, int iterations, int thin, long seed) {

    public static final int MAX_ITERATIONS = 1_000_000;

    /** No draws. */
    public static final DrawOptions NONE = new DrawOptions(0, 0, 0, 1, 0);

    public DrawOptions {
        if (chains < 0 || chains > 16) {
            throw new IllegalArgumentException("chains must be between 0 and 16, got " + chains);
        }
        if (chains > 0 && (burnIn < 100 || burnIn > MAX_ITERATIONS)) {
            throw new IllegalArgumentException("burnIn must be between 100 and " + MAX_ITERATIONS + ", got " + burnIn);
        }
        if (chains > 0 && (iterations < 100 || iterations > MAX_ITERATIONS)) {
            throw new IllegalArgumentException(
                    "iterations must be between 100 and " + MAX_ITERATIONS + ", got " + iterations);
        }
        if (thin < 1 || (chains > 0 && thin > iterations / 10)) {
            throw new IllegalArgumentException("thin must be between 1 and iterations / 10, got " + thin);
        }
    }

    /** 4 chains, 2,000 burn-in iterations, 10,000 kept iterations thinned by 10 (4,000 draws), a fixed seed. */
    public static DrawOptions defaults() {
        return new DrawOptions(4, 2_000, 10_000, 10, 20_251_130L);
    }

    public boolean enabled() {
        return chains > 0;
    }

    /** Draws kept per chain. */
    public int drawsPerChain() {
        return iterations / thin;
    }
}
