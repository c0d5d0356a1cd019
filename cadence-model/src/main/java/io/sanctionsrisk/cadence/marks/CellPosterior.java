package io.sanctionsrisk.cadence.marks;

import io.sanctionsrisk.cadence.simulation.RandomStreams;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Dirichlet posterior of the cell shares as of one origin ({@link DiscountedCellModel}): posterior parameters
 * a_c = n~_c + a0 b_c, posterior mean a_c / A, Beta(a_c, A - a_c) marginals, group shares as Beta(sum of a_c over
 * the group, rest), and seeded Dirichlet draws. Cell index = sector index x region count + region index. Immutable.
 */
public final class CellPosterior {

    private final List<String> sectors;
    private final List<String> regions;
    private final double origin;
    private final MarkPrior prior;
    private final long[] counts;
    private final double[] discounted;
    private final double[] priorWeights;
    private final double[] alpha;
    private final double alphaTotal;
    private final double discountedTotal;

    CellPosterior(
            List<String> sectors,
            List<String> regions,
            double origin,
            MarkPrior prior,
            long[] counts,
            double[] discounted,
            double[] priorWeights,
            double discountedTotal) {
        this.sectors = sectors;
        this.regions = regions;
        this.origin = origin;
        this.prior = prior;
        this.counts = counts;
        this.discounted = discounted;
        this.priorWeights = priorWeights;
        this.discountedTotal = discountedTotal;
        this.alpha = new double[counts.length];
        for (int c = 0; c < alpha.length; c++) {
            alpha[c] = discounted[c] + priorWeights[c];
        }
        // as CellShareModel sums it: the data's total plus the prior's
        this.alphaTotal = discountedTotal + prior.strength();
    }

    public List<String> sectors() {
        return sectors;
    }

    public List<String> regions() {
        return regions;
    }

    public double origin() {
        return origin;
    }

    public MarkPrior prior() {
        return prior;
    }

    public int size() {
        return alpha.length;
    }

    /** Discounted number of heists, sum of the weights. */
    public double effectiveHeists() {
        return discountedTotal;
    }

    public Cell cellAt(int cell) {
        return new Cell(sectors.get(cell / regions.size()), regions.get(cell % regions.size()));
    }

    /** The index of {@code cell}, or -1 when it lies outside the grid. */
    public int indexOf(Cell cell) {
        int s = sectors.indexOf(cell.sector());
        int r = regions.indexOf(cell.region());
        return s < 0 || r < 0 ? -1 : s * regions.size() + r;
    }

    /** Posterior mean share a_c / A. */
    public double mean(int cell) {
        return alpha[cell] / alphaTotal;
    }

    /** Every cell's posterior, in cell order, with intervals at {@code level} that contain the mean. */
    public List<DiscountedCellShare> shares(double level) {
        List<DiscountedCellShare> out = new ArrayList<>(alpha.length);
        for (int c = 0; c < alpha.length; c++) {
            double mean = mean(c);
            CredibleInterval interval = CredibleInterval.ofBeta(alpha[c], alphaTotal - alpha[c], mean, level);
            out.add(new DiscountedCellShare(cellAt(c), counts[c], discounted[c], priorWeights[c], mean, interval));
        }
        return List.copyOf(out);
    }

    /** Posterior mean share of the heists in any of {@code groupSectors}. */
    public double groupMean(Collection<String> groupSectors) {
        return groupAlpha(groupSectors) / alphaTotal;
    }

    /** The group's share interval at {@code level}: the Beta(a_g, A - a_g) marginal, containing its mean. */
    public CredibleInterval groupInterval(Collection<String> groupSectors, double level) {
        double a = groupAlpha(groupSectors);
        return CredibleInterval.ofBeta(a, alphaTotal - a, a / alphaTotal, level);
    }

    /** {@code n} Dirichlet draws of all cell shares, [draw][cell]; draw i depends on the seed and i only. */
    public double[][] draws(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("at least one draw is required, got " + n);
        }
        double[][] out = new double[n][alpha.length];
        for (int i = 0; i < n; i++) {
            draw(seed, i, out[i]);
        }
        return out;
    }

    /** Draw {@code i} of the cell shares under {@code seed}, into {@code out}. */
    public void draw(long seed, int i, double[] out) {
        SplittableRandom rng = RandomStreams.stream(seed, 0x6d61726bL + i);
        PosteriorDraws.dirichlet(rng, alpha, out);
    }

    private double groupAlpha(Collection<String> groupSectors) {
        double a = 0;
        for (int c = 0; c < alpha.length; c++) {
            if (groupSectors.contains(sectors.get(c / regions.size()))) {
                a += alpha[c];
            }
        }
        return a;
    }
}
