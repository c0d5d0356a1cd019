package io.sanctionsrisk.cadence.scoring;

import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.marks.CellPosterior;
import io.sanctionsrisk.cadence.marks.SeverityDraw;
import io.sanctionsrisk.cadence.marks.SeverityPosterior;
import java.util.List;

/**
 * The horizon-free part of {@link UncertainRiskModel}'s joint draws, drawn once: cadence parameter draw d paired
 * with cell-share draw d ({@code cells.draw(seed, d)}) and severity draw d (attempted under {@code seed}, realised
 * under {@code seed ^ 0x5EA1}). A server keeps one per snapshot, so that each horizon costs only its forecasts.
 * Immutable (the arrays are never handed out).
 */
public final class JointDraws {

    static final long REALISED_KEY = 0x5EA1L;

    final List<CadenceParameters> cadence;
    final CellPosterior cells;
    final SeverityPosterior attempted;
    final SeverityPosterior realised;
    final double[][] shares; // [draw][cell]
    final SeverityDraw[] attemptedDraws;
    final SeverityDraw[] realisedDraws;
    final long seed;

    private JointDraws(
            List<CadenceParameters> cadence,
            CellPosterior cells,
            SeverityPosterior attempted,
            SeverityPosterior realised,
            long seed) {
        this.cadence = List.copyOf(cadence);
        this.cells = cells;
        this.attempted = attempted;
        this.realised = realised;
        this.seed = seed;
        int draws = cadence.size();
        this.shares = new double[draws][cells.size()];
        this.attemptedDraws = new SeverityDraw[draws];
        this.realisedDraws = new SeverityDraw[draws];
        for (int d = 0; d < draws; d++) {
            cells.draw(seed, d, shares[d]);
            attemptedDraws[d] = attempted == null ? null : attempted.draw(seed, d);
            realisedDraws[d] = realised == null ? null : realised.draw(seed ^ REALISED_KEY, d);
        }
    }

    /**
     * Draws for {@code cadenceDraws} (at least one) with the marks of {@code cells}; {@code attempted} and {@code
     * realised} may be null (losses NaN).
     */
    public static JointDraws of(
            List<CadenceParameters> cadenceDraws,
            CellPosterior cells,
            SeverityPosterior attempted,
            SeverityPosterior realised,
            long seed) {
        if (cells == null) {
            throw new IllegalArgumentException("the cell posterior is required");
        }
        if (cadenceDraws == null || cadenceDraws.isEmpty()) {
            throw new IllegalArgumentException("at least one cadence parameter draw is required");
        }
        return new JointDraws(cadenceDraws, cells, attempted, realised, seed);
    }

    public int size() {
        return cadence.size();
    }

    public CellPosterior cells() {
        return cells;
    }

    public long seed() {
        return seed;
    }
}
