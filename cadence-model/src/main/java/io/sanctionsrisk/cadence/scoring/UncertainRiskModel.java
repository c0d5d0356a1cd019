package io.sanctionsrisk.cadence.scoring;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.marks.CellPosterior;
import io.sanctionsrisk.cadence.marks.CredibleInterval;
import io.sanctionsrisk.cadence.marks.SeverityDraw;
import io.sanctionsrisk.cadence.marks.SeverityPosterior;
import java.util.List;

/**
 * Heatmap cells and scores with intervals from both sources of parameter uncertainty (MODEL.md, "Uncertainty in
 * every served number"). Joint draw d pairs cadence parameter draw d (given by the caller, e.g. posterior draws of
 * the fit) with mark draw d (Dirichlet draw d of the cell shares, draw d of each severity, seeded by {@code seed}):
 * the cell's expected count m_cd = p_cd N_d with N_d the total forecast over the horizon under draw d, P(N >= 1) =
 * 1 - e^-m, the score by {@link ScoreScale}, the expected loss m_cd times the expected amount per heist of the
 * cell's sector at the horizon's midpoint. The served point uses the fitted parameters and the posterior mean
 * shares; its interval at {@code level} is the one of the draws that contains it ({@link CredibleInterval}).
 * Deterministic for a seed. Immutable.
 */
public final class UncertainRiskModel {

    private final CellPosterior cells;
    private final RiskInterval[] byCell;
    private final RiskInterval total;
    private final double level;

    private UncertainRiskModel(CellPosterior cells, RiskInterval[] byCell, RiskInterval total, double level) {
        this.cells = cells;
        this.byCell = byCell;
        this.total = total;
        this.level = level;
    }

    /**
     * Builds every cell's risk over (T + gap, T + gap + horizon], T the data's window end. {@code attempted} and
     * {@code realised} may be null (losses NaN).
     */
    public static UncertainRiskModel build(
            CadenceData data,
            CadenceParameters point,
            List<CadenceParameters> cadenceDraws,
            CellPosterior cells,
            SeverityPosterior attempted,
            SeverityPosterior realised,
            double gap,
            double horizon,
            double level,
            long seed) {
        if (data == null || point == null || cells == null) {
            throw new IllegalArgumentException("data, the fitted parameters and the cell posterior are required");
        }
        if (cadenceDraws == null || cadenceDraws.isEmpty()) {
            throw new IllegalArgumentException("at least one cadence parameter draw is required");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("credible level must be in (0, 1), got " + level);
        }
        int draws = cadenceDraws.size();
        int size = cells.size();
        double midpoint = data.windowEnd() + gap + horizon / 2;
        List<String> sectors = cells.sectors();
        int regions = cells.regions().size();

        double pointTotal =
                HorizonForecast.expectedCount(data, point, gap, horizon).total();
        double[] totals = new double[draws];
        for (int d = 0; d < draws; d++) {
            totals[d] = HorizonForecast.expectedCount(data, cadenceDraws.get(d), gap, horizon)
                    .total();
        }
        double[][] count = new double[size][draws];
        double[][] attemptedLoss = new double[size][draws];
        double[][] realisedLoss = new double[size][draws];
        double[] share = new double[size];
        double[] sevA = new double[sectors.size()];
        double[] sevR = new double[sectors.size()];
        double[] totalAttempted = new double[draws];
        double[] totalRealised = new double[draws];
        for (int d = 0; d < draws; d++) {
            cells.draw(seed, d, share);
            perSector(attempted, seed, d, sectors, midpoint, sevA);
            perSector(realised, seed ^ 0x5EA1L, d, sectors, midpoint, sevR);
            for (int c = 0; c < size; c++) {
                double m = share[c] * totals[d];
                count[c][d] = m;
                attemptedLoss[c][d] = m * sevA[c / regions];
                realisedLoss[c][d] = m * sevR[c / regions];
                totalAttempted[d] += attemptedLoss[c][d];
                totalRealised[d] += realisedLoss[c][d];
            }
        }
        RiskInterval[] byCell = new RiskInterval[size];
        double pointAttempted = 0;
        double pointRealised = 0;
        for (int c = 0; c < size; c++) {
            String sector = sectors.get(c / regions);
            double m = cells.mean(c) * pointTotal;
            double a = attempted == null ? Double.NaN : m * attempted.expectedPerEvent(sector, midpoint);
            double r = realised == null ? Double.NaN : m * realised.expectedPerEvent(sector, midpoint);
            pointAttempted += a;
            pointRealised += r;
            byCell[c] = interval(
                    m,
                    a,
                    r,
                    count[c],
                    attempted == null ? null : attemptedLoss[c],
                    realised == null ? null : realisedLoss[c],
                    level);
        }
        RiskInterval total = interval(
                pointTotal,
                pointAttempted,
                pointRealised,
                totals.clone(),
                attempted == null ? null : totalAttempted,
                realised == null ? null : totalRealised,
                level);
        return new UncertainRiskModel(cells, byCell, total, level);
    }

    public CellPosterior cells() {
        return cells;
    }

    public double level() {
        return level;
    }

    /** The heatmap cell (no exposure applied). */
    public RiskInterval cell(int cell) {
        return byCell[cell];
    }

    /** Every cell together. */
    public RiskInterval total() {
        return total;
    }

    /**
     * An institution in {@code cell} whose exposure multiplies its expected count by {@code multiplier} (the
     * product of its {@link ExposureTable} multipliers, held fixed): every count and loss bound scales by it.
     */
    public RiskInterval institution(int cell, double multiplier) {
        if (!(multiplier > 0) || !Double.isFinite(multiplier)) {
            throw new IllegalArgumentException("exposure multiplier must be finite and > 0, got " + multiplier);
        }
        RiskInterval base = byCell[cell];
        CellRisk p = base.point();
        double m = multiplier * p.expectedCount();
        CredibleInterval count = base.expectedCount().map(x -> multiplier * x);
        CredibleInterval probability = count.map(UncertainRiskModel::atLeastOne);
        double pm = atLeastOne(m);
        return new RiskInterval(
                new CellRisk(m, pm, multiplier * p.expectedAttemptedLoss(), multiplier * p.expectedRealisedLoss()),
                ScoreScale.score(pm),
                count,
                probability,
                probability.map(ScoreScale::score),
                base.expectedAttemptedLoss() == null
                        ? null
                        : base.expectedAttemptedLoss().map(x -> multiplier * x),
                base.expectedRealisedLoss() == null
                        ? null
                        : base.expectedRealisedLoss().map(x -> multiplier * x));
    }

    private static void perSector(
            SeverityPosterior severity, long seed, int d, List<String> sectors, double time, double[] out) {
        if (severity == null) {
            return;
        }
        SeverityDraw draw = severity.draw(seed, d);
        for (int s = 0; s < sectors.size(); s++) {
            out[s] = severity.expectedPerEvent(draw, sectors.get(s), time);
        }
    }

    private static RiskInterval interval(
            double m,
            double attempted,
            double realised,
            double[] counts,
            double[] attemptedLoss,
            double[] realisedLoss,
            double level) {
        CredibleInterval count = CredibleInterval.ofDraws(counts, m, level);
        CredibleInterval probability = count.map(UncertainRiskModel::atLeastOne);
        double p = atLeastOne(m);
        return new RiskInterval(
                new CellRisk(m, p, attempted, realised),
                ScoreScale.score(p),
                count,
                probability,
                probability.map(ScoreScale::score),
                attemptedLoss == null ? null : CredibleInterval.ofDraws(attemptedLoss, attempted, level),
                realisedLoss == null ? null : CredibleInterval.ofDraws(realisedLoss, realised, level));
    }

    private static double atLeastOne(double expected) {
        return -Math.expm1(-expected);
    }
}
