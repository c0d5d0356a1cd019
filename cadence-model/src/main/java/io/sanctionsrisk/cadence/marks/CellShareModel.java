package io.sanctionsrisk.cadence.marks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dirichlet-multinomial shares of heists by (sector, region) cell (MODEL.md, "Marks"). Prior: Dirichlet(a0 b_c)
 * with total concentration a0 (default {@link #DEFAULT_CONCENTRATION}: one pseudo-heist) spread over the cells
 * by a base measure b (uniform unless given). Posterior: Dirichlet(n_c + a0 b_c); each cell's share is
 * Beta(n_c + a0 b_c, N + a0 - n_c - a0 b_c), so an empty cell gets a small positive share, never zero. The
 * interval is the credible interval that contains the mean ({@link CredibleInterval}): for an empty cell the mean
 * lies above the equal-tailed interval's upper end.
 */
public final class CellShareModel {

    /** Total prior concentration: one pseudo-heist spread over all cells. */
    public static final double DEFAULT_CONCENTRATION = 1.0;

    private CellShareModel() {}

    /** Uniform base measure, default concentration, 90% intervals. */
    public static List<CellShare> posterior(List<Cell> cells, Map<Cell, Long> counts) {
        return posterior(cells, counts, DEFAULT_CONCENTRATION, null, 0.90);
    }

    /**
     * Posterior shares for every cell in {@code cells} (in that order). {@code counts} may omit cells (count
     * 0) but must not name a cell outside {@code cells}. {@code baseMeasure}, when given, has a positive
     * weight for every cell (normalised here); null means uniform.
     */
    public static List<CellShare> posterior(
            List<Cell> cells,
            Map<Cell, Long> counts,
            double concentration,
            Map<Cell, Double> baseMeasure,
            double credibleLevel) {
        if (cells == null || cells.isEmpty()) {
            throw new IllegalArgumentException("at least one cell is required");
        }
        if (counts == null) {
            throw new IllegalArgumentException("counts are required");
        }
        if (!Double.isFinite(concentration) || !(concentration > 0)) {
            throw new IllegalArgumentException("prior concentration must be finite and > 0, got " + concentration);
        }
        if (!(credibleLevel > 0 && credibleLevel < 1)) {
            throw new IllegalArgumentException("credible level must be in (0, 1), got " + credibleLevel);
        }
        TreeMap<Cell, Integer> index = new TreeMap<>();
        for (Cell c : cells) {
            if (c == null || index.put(c, index.size()) != null) {
                throw new IllegalArgumentException("cells must be non-null and distinct: " + c);
            }
        }
        long total = 0;
        for (Map.Entry<Cell, Long> e : new TreeMap<>(counts).entrySet()) {
            if (!index.containsKey(e.getKey())) {
                throw new IllegalArgumentException("count for unknown cell " + e.getKey());
            }
            if (e.getValue() == null || e.getValue() < 0) {
                throw new IllegalArgumentException("count for " + e.getKey() + " must be >= 0");
            }
            total += e.getValue();
        }
        double[] base = new double[cells.size()];
        double baseTotal = 0;
        for (int i = 0; i < cells.size(); i++) {
            double b = 1.0;
            if (baseMeasure != null) {
                Double given = baseMeasure.get(cells.get(i));
                if (given == null || !Double.isFinite(given) || !(given > 0)) {
                    throw new IllegalArgumentException("base measure needs a positive weight for " + cells.get(i));
                }
                b = given;
            }
            base[i] = b;
            baseTotal += b;
        }
        double posteriorTotal = total + concentration;
        List<CellShare> out = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            long n = counts.getOrDefault(c, 0L);
            double prior = concentration * base[i] / baseTotal;
            double a = n + prior;
            double b = posteriorTotal - a;
            double mean = a / posteriorTotal;
            CredibleInterval interval = CredibleInterval.ofBeta(a, b, mean, credibleLevel);
            out.add(new CellShare(c, n, prior, mean, interval.lower(), interval.upper()));
        }
        return List.copyOf(out);
    }
}
