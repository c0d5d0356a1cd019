package io.sanctionsrisk.cadence.marks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cell shares that follow the data (MODEL.md, "Marks that follow the data"). As of an origin T, a heist known by T
 * at time t weighs w = 2^(-(T - t) / h) (half-life h), giving discounted counts n~_c. Uniform base: the posterior
 * is Dirichlet(n~_c + a0 / K). Nested base: sector shares ~ Dirichlet(S~_j + 1/J) and, independently, the regions
 * within sector j ~ Dirichlet(n~_jr + a0 r_r) with r_r = (R~_r + 1/R) / (W~ + 1), so a cell's share is shrunk toward
 * s_j r_r without the sector totals being counted twice. Discounting turns old heists into fractions of a heist, so
 * the posterior is as uncertain as the recent data are few. With h infinite, the uniform base and a0 = 1 it is
 * today's {@link CellShareModel} exactly.
 */
public final class DiscountedCellModel {

    private DiscountedCellModel() {}

    /**
     * The posterior over the grid {@code sectors} x {@code regions} (distinct codes; cell index = sector index x
     * region count + region index) from the events known by {@code origin}. Events without a cell are left out; an
     * event whose cell lies outside the grid is rejected, known by the origin or not.
     */
    public static CellPosterior fit(
            List<String> sectors, List<String> regions, List<MarkedEvent> events, double origin, MarkPrior prior) {
        if (sectors == null || regions == null || sectors.isEmpty() || regions.isEmpty()) {
            throw new IllegalArgumentException("a grid needs at least one sector and one region");
        }
        if (events == null || prior == null || !Double.isFinite(origin)) {
            throw new IllegalArgumentException("events, a finite origin and a prior are required");
        }
        Map<String, Integer> sectorIndex = index(sectors, "sector");
        Map<String, Integer> regionIndex = index(regions, "region");
        int regionCount = regions.size();
        int cells = sectors.size() * regionCount;
        long[] counts = new long[cells];
        double[] discounted = new double[cells];
        double[] bySector = new double[sectors.size()];
        double[] byRegion = new double[regionCount];
        double total = 0;
        for (MarkedEvent e : events) {
            if (e.cell() == null) {
                continue;
            }
            Integer s = sectorIndex.get(e.cell().sector());
            Integer r = regionIndex.get(e.cell().region());
            if (s == null || r == null) {
                throw new IllegalArgumentException(
                        "event at " + e.time() + " has cell " + e.cell() + " outside the grid");
            }
            if (!e.knownBy(origin)) {
                continue;
            }
            double w = prior.weight(origin - e.time());
            int c = s * regionCount + r;
            counts[c]++;
            discounted[c] += w;
            bySector[s] += w;
            byRegion[r] += w;
            total += w;
        }
        double[] priorWeights = new double[cells];
        double[] sectorAlpha = null;
        if (prior.base() == MarkPrior.Base.UNIFORM) {
            java.util.Arrays.fill(priorWeights, prior.strength() * (1.0 / cells));
        } else {
            sectorAlpha = new double[sectors.size()];
            for (int s = 0; s < sectors.size(); s++) {
                sectorAlpha[s] = bySector[s] + 1.0 / sectors.size();
                for (int r = 0; r < regionCount; r++) {
                    priorWeights[s * regionCount + r] =
                            prior.strength() * (byRegion[r] + 1.0 / regionCount) / (total + 1);
                }
            }
        }
        return new CellPosterior(
                List.copyOf(sectors),
                List.copyOf(regions),
                origin,
                prior,
                counts,
                discounted,
                priorWeights,
                total,
                sectorAlpha);
    }

    private static Map<String, Integer> index(List<String> codes, String what) {
        Map<String, Integer> index = new HashMap<>();
        for (String code : codes) {
            if (code == null || code.isBlank() || index.put(code, index.size()) != null) {
                throw new IllegalArgumentException(what + " codes must be non-blank and distinct: " + code);
            }
        }
        return index;
    }
}
