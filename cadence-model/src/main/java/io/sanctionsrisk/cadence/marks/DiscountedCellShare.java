package io.sanctionsrisk.cadence.marks;

/**
 * Posterior share of heists in one cell under {@link DiscountedCellModel}: the raw count, the time-discounted count,
 * the prior pseudo-count a0 b_c, the posterior mean and the credible interval that contains it.
 */
public record DiscountedCellShare(
        Cell cell, long count, double discountedCount, double priorWeight, double mean, CredibleInterval interval) {

    /** The same share in the shape of today's {@link CellShare}. */
    public CellShare toCellShare() {
        return new CellShare(cell, count, priorWeight, mean, interval.lower(), interval.upper());
    }
}
