package io.sanctionsrisk.cadence.marks;

/**
 * Hyperparameters of the time-discounted cell shares ({@link DiscountedCellModel}).
 *
 * @param halfLifeDays a heist's weight halves every this many days before the origin; infinite: no discounting
 * @param strength total prior concentration a0, in pseudo-heists
 * @param base how the prior spreads a0 over the cells: evenly over all cells, or nested (sector shares from their own
 *     discounted counts, the regions within each sector shrunk by a0 toward the discounted region shares, so every cell
 *     is shrunk toward the product of the sector and region marginals)
 */
public record MarkPrior(double halfLifeDays, double strength, Base base) {

    /** The prior's base measure over the cells. */
    public enum Base {
        /** a0 / K per cell. */
        UNIFORM,
        /**
         * Sector shares ~ Dirichlet(S~_j + 1/J); regions within sector j ~ Dirichlet(n~_jr + a0 r_r), r_r = (R~_r +
         * 1/R) / (W~ + 1) the smoothed discounted region shares.
         */
        NESTED
    }

    /** Today's static marks: no discounting, one pseudo-heist spread evenly. */
    public static final MarkPrior STATIC =
            new MarkPrior(Double.POSITIVE_INFINITY, CellShareModel.DEFAULT_CONCENTRATION, Base.UNIFORM);

    public MarkPrior {
        if (!(halfLifeDays > 0) || Double.isNaN(halfLifeDays)) {
            throw new IllegalArgumentException("half-life must be > 0 days (infinite: none), got " + halfLifeDays);
        }
        if (!(strength > 0) || !Double.isFinite(strength)) {
            throw new IllegalArgumentException("prior strength must be finite and > 0, got " + strength);
        }
        if (base == null) {
            throw new IllegalArgumentException("a base measure is required");
        }
    }

    /** The weight of a heist {@code age} days before the origin: 2^(-age / halfLife), 1 without discounting. */
    public double weight(double age) {
        return Double.isInfinite(halfLifeDays) ? 1.0 : Math.pow(0.5, age / halfLifeDays);
    }
}
