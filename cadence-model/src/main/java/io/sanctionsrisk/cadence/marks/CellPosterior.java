package io.sanctionsrisk.cadence.marks;

import io.sanctionsrisk.cadence.simulation.RandomStreams;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The posterior of the cell shares as of one origin ({@link DiscountedCellModel}). Uniform base: one Dirichlet with
 * parameters a_c = n~_c + a0 / K, cell marginals Beta(a_c, A - a_c). Nested base: sector shares s ~ Dirichlet(sigma),
 * regions within sector j q_j ~ Dirichlet(a_j.), cell share s_j q_jr; its marginal is a product of two Betas, whose
 * interval is taken from the Beta with the same mean and variance. A group of sectors has a Beta share in both.
 * Seeded draws are exact in both. Cell index = sector index x region count + region index. Immutable.
 */
public final class CellPosterior {

    private final List<String> sectors;
    private final List<String> regions;
    private final double origin;
    private final MarkPrior prior;
    private final long[] counts;
    private final double[] discounted;
    private final double[] priorWeights;
    private final double discountedTotal;
    private final double[] alpha; // uniform: cell parameters; nested: region-within-sector parameters
    private final double alphaTotal; // uniform only
    private final double[] sectorAlpha; // nested only
    private final double sectorTotal;
    private final double[] withinTotal; // nested: sum of alpha over each sector's regions

    CellPosterior(
            List<String> sectors,
            List<String> regions,
            double origin,
            MarkPrior prior,
            long[] counts,
            double[] discounted,
            double[] priorWeights,
            double discountedTotal,
            double[] sectorAlpha) {
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
        this.sectorAlpha = sectorAlpha;
        if (sectorAlpha == null) {
            this.sectorTotal = Double.NaN;
            this.withinTotal = null;
        } else {
            double sum = 0;
            for (double a : sectorAlpha) {
                sum += a;
            }
            this.sectorTotal = sum;
            this.withinTotal = new double[sectors.size()];
            for (int c = 0; c < alpha.length; c++) {
                withinTotal[c / regions.size()] += alpha[c];
            }
        }
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

    /** Posterior mean share. */
    public double mean(int cell) {
        if (sectorAlpha == null) {
            return alpha[cell] / alphaTotal;
        }
        int s = cell / regions.size();
        return sectorAlpha[s] / sectorTotal * (alpha[cell] / withinTotal[s]);
    }

    /** Every cell's posterior, in cell order, with intervals at {@code level} that contain the mean. */
    public List<DiscountedCellShare> shares(double level) {
        List<DiscountedCellShare> out = new ArrayList<>(alpha.length);
        for (int c = 0; c < alpha.length; c++) {
            double mean = mean(c);
            CredibleInterval interval;
            if (sectorAlpha == null) {
                interval = CredibleInterval.ofBeta(alpha[c], alphaTotal - alpha[c], mean, level);
            } else {
                int s = c / regions.size();
                double second = secondMoment(sectorAlpha[s], sectorTotal) * secondMoment(alpha[c], withinTotal[s]);
                // a product of two Betas has variance below m (1 - m), so k > 0 but for rounding
                double k = Math.max(1e-12, mean * (1 - mean) / (second - mean * mean) - 1);
                interval = CredibleInterval.ofBeta(mean * k, (1 - mean) * k, mean, level);
            }
            out.add(new DiscountedCellShare(cellAt(c), counts[c], discounted[c], priorWeights[c], mean, interval));
        }
        return List.copyOf(out);
    }

    /** Posterior mean share of the heists in any of {@code groupSectors}. */
    public double groupMean(Collection<String> groupSectors) {
        double[] ab = groupBeta(groupSectors);
        return ab[0] / (ab[0] + ab[1]);
    }

    /** The group's share interval at {@code level}: its Beta marginal, containing its mean. */
    public CredibleInterval groupInterval(Collection<String> groupSectors, double level) {
        double[] ab = groupBeta(groupSectors);
        return CredibleInterval.ofBeta(ab[0], ab[1], ab[0] / (ab[0] + ab[1]), level);
    }

    /** {@code n} draws of all cell shares, [draw][cell]; draw i depends on the seed and i only. */
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
        if (sectorAlpha == null) {
            PosteriorDraws.dirichlet(rng, alpha, out);
            return;
        }
        int regionCount = regions.size();
        double[] s = new double[sectorAlpha.length];
        PosteriorDraws.dirichlet(rng, sectorAlpha, s);
        double[] within = new double[regionCount];
        double[] q = new double[regionCount];
        for (int j = 0; j < s.length; j++) {
            System.arraycopy(alpha, j * regionCount, within, 0, regionCount);
            PosteriorDraws.dirichlet(rng, within, q);
            for (int r = 0; r < regionCount; r++) {
                out[j * regionCount + r] = s[j] * q[r];
            }
        }
    }

    // E[x^2] of Beta(a, total - a)
    private static double secondMoment(double a, double total) {
        return a * (a + 1) / (total * (total + 1));
    }

    private double[] groupBeta(Collection<String> groupSectors) {
        double a = 0;
        if (sectorAlpha == null) {
            for (int c = 0; c < alpha.length; c++) {
                if (groupSectors.contains(sectors.get(c / regions.size()))) {
                    a += alpha[c];
                }
            }
            return new double[] {a, alphaTotal - a};
        }
        for (int s = 0; s < sectorAlpha.length; s++) {
            if (groupSectors.contains(sectors.get(s))) {
                a += sectorAlpha[s];
            }
        }
        return new double[] {a, sectorTotal - a};
    }
}
