package io.sanctionsrisk.cadence.scoring;

import io.sanctionsrisk.cadence.marks.Cell;
import io.sanctionsrisk.cadence.marks.CellPosterior;
import io.sanctionsrisk.cadence.marks.CellShare;
import io.sanctionsrisk.cadence.marks.CellShareModel;
import io.sanctionsrisk.cadence.marks.DiscountedCellShare;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every sector x region cell with its posterior share of heists (mean and equal-tailed credible interval of the
 * Beta marginal of the Dirichlet-multinomial posterior, {@link CellShareModel}). Cell index = sector index x
 * region count + region index. Immutable.
 */
public final class CellGrid {

    private final List<String> sectors;
    private final List<String> regions;
    private final Map<String, Integer> sectorIndex = new HashMap<>();
    private final Map<String, Integer> regionIndex = new HashMap<>();
    private final double[] mean;
    private final double[] lower;
    private final double[] upper;
    private final double credibleLevel;

    private CellGrid(List<String> sectors, List<String> regions, List<CellShare> shares, double credibleLevel) {
        this.sectors = List.copyOf(sectors);
        this.regions = List.copyOf(regions);
        for (int i = 0; i < sectors.size(); i++) {
            sectorIndex.put(sectors.get(i), i);
        }
        for (int i = 0; i < regions.size(); i++) {
            regionIndex.put(regions.get(i), i);
        }
        int n = shares.size();
        this.mean = new double[n];
        this.lower = new double[n];
        this.upper = new double[n];
        for (int i = 0; i < n; i++) {
            mean[i] = shares.get(i).mean();
            lower[i] = shares.get(i).lower();
            upper[i] = shares.get(i).upper();
        }
        this.credibleLevel = credibleLevel;
    }

    /**
     * The posterior over the grid {@code sectors} x {@code regions} (distinct codes, in display order) given the
     * heist counts by cell, with the prior concentration and credible level of {@link CellShareModel}.
     */
    public static CellGrid posterior(
            List<String> sectors,
            List<String> regions,
            Map<Cell, Long> counts,
            double concentration,
            double credibleLevel) {
        if (sectors == null || regions == null || sectors.isEmpty() || regions.isEmpty()) {
            throw new IllegalArgumentException("a grid needs at least one sector and one region");
        }
        List<Cell> cells = new ArrayList<>(sectors.size() * regions.size());
        for (String sector : sectors) {
            for (String region : regions) {
                cells.add(new Cell(sector, region));
            }
        }
        List<CellShare> shares = CellShareModel.posterior(cells, counts, concentration, null, credibleLevel);
        return new CellGrid(sectors, regions, shares, credibleLevel);
    }

    /**
     * The grid of a time-discounted posterior ({@link io.sanctionsrisk.cadence.marks.DiscountedCellModel}): its
     * mean shares and the intervals at {@code credibleLevel} that contain them.
     */
    public static CellGrid of(CellPosterior posterior, double credibleLevel) {
        List<CellShare> shares = new ArrayList<>(posterior.size());
        for (DiscountedCellShare share : posterior.shares(credibleLevel)) {
            shares.add(share.toCellShare());
        }
        return new CellGrid(posterior.sectors(), posterior.regions(), shares, credibleLevel);
    }

    public List<String> sectors() {
        return sectors;
    }

    public List<String> regions() {
        return regions;
    }

    public int size() {
        return mean.length;
    }

    /** The sector's index, or -1. */
    public int sectorIndex(String sector) {
        Integer i = sector == null ? null : sectorIndex.get(sector);
        return i == null ? -1 : i;
    }

    /** The region's index, or -1. */
    public int regionIndex(String region) {
        Integer i = region == null ? null : regionIndex.get(region);
        return i == null ? -1 : i;
    }

    public int cell(int sector, int region) {
        return sector * regions.size() + region;
    }

    public String sectorOf(int cell) {
        return sectors.get(cell / regions.size());
    }

    public String regionOf(int cell) {
        return regions.get(cell % regions.size());
    }

    /** Posterior mean share of the cell. */
    public double share(int cell) {
        return mean[cell];
    }

    public double shareLower(int cell) {
        return lower[cell];
    }

    public double shareUpper(int cell) {
        return upper[cell];
    }

    public double credibleLevel() {
        return credibleLevel;
    }
}
