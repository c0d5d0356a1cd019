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

    private final JointDraws draws;
    private final double level;
    private final double midpoint;
    private final double pointTotal;
    private final double[] totals;
    private final double[][] attemptedPerEvent; // [sector][draw], null without attempted severity
    private final double[][] realisedPerEvent;
    private final RiskInterval[] byCell;
    private RiskInterval total;

    private UncertainRiskModel(
            JointDraws draws, CadenceData data, CadenceParameters point, double gap, double horizon, double level) {
        this.draws = draws;
        this.level = level;
        this.midpoint = data.windowEnd() + gap + horizon / 2;
        this.pointTotal =
                HorizonForecast.expectedCount(data, point, gap, horizon).total();
        int n = draws.size();
        this.totals = new double[n];
        for (int d = 0; d < n; d++) {
            totals[d] = HorizonForecast.expectedCount(data, draws.cadence.get(d), gap, horizon)
                    .total();
        }
        List<String> sectors = draws.cells.sectors();
        this.attemptedPerEvent = perSector(draws.attempted, draws.attemptedDraws, sectors, midpoint);
        this.realisedPerEvent = perSector(draws.realised, draws.realisedDraws, sectors, midpoint);
        this.byCell = new RiskInterval[draws.cells.size()];
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
        UncertainRiskModel model =
                build(data, point, JointDraws.of(cadenceDraws, cells, attempted, realised, seed), gap, horizon, level);
        model.total();
        return model;
    }

    /**
     * The same from draws made once ({@link JointDraws}): equal to {@link #build(CadenceData, CadenceParameters,
     * List, CellPosterior, SeverityPosterior, SeverityPosterior, double, double, double, long)} with the draws' own
     * arguments. A cell's interval is formed when first asked for, so one score costs one cell.
     */
    public static UncertainRiskModel build(
            CadenceData data, CadenceParameters point, JointDraws draws, double gap, double horizon, double level) {
        if (data == null || point == null || draws == null) {
            throw new IllegalArgumentException("data, the fitted parameters and the joint draws are required");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("credible level must be in (0, 1), got " + level);
        }
        return new UncertainRiskModel(draws, data, point, gap, horizon, level);
    }

    private static double[][] perSector(
            SeverityPosterior severity, SeverityDraw[] sampled, List<String> sectors, double time) {
        if (severity == null) {
            return null;
        }
        double[][] out = new double[sectors.size()][sampled.length];
        for (int d = 0; d < sampled.length; d++) {
            for (int s = 0; s < sectors.size(); s++) {
                out[s][d] = severity.expectedPerEvent(sampled[d], sectors.get(s), time);
            }
        }
        return out;
    }

    public CellPosterior cells() {
        return draws.cells;
    }

    public double level() {
        return level;
    }

    /** The heatmap cell (no exposure applied). */
    public synchronized RiskInterval cell(int cell) {
        RiskInterval r = byCell[cell];
        if (r == null) {
            r = formCell(cell);
            byCell[cell] = r;
        }
        return r;
    }

    /** Every cell together. */
    public synchronized RiskInterval total() {
        if (total != null) {
            return total;
        }
        int n = draws.size();
        int size = byCell.length;
        int regions = draws.cells.regions().size();
        double[] totalAttempted = new double[n];
        double[] totalRealised = new double[n];
        for (int d = 0; d < n; d++) {
            double[] share = draws.shares[d];
            for (int c = 0; c < size; c++) {
                double m = share[c] * totals[d];
                totalAttempted[d] += attemptedPerEvent == null ? 0 : m * attemptedPerEvent[c / regions][d];
                totalRealised[d] += realisedPerEvent == null ? 0 : m * realisedPerEvent[c / regions][d];
            }
        }
        double pointAttempted = 0;
        double pointRealised = 0;
        for (int c = 0; c < size; c++) {
            CellRisk p = cell(c).point();
            pointAttempted += p.expectedAttemptedLoss();
            pointRealised += p.expectedRealisedLoss();
        }
        total = interval(
                pointTotal,
                pointAttempted,
                pointRealised,
                totals.clone(),
                attemptedPerEvent == null ? null : totalAttempted,
                realisedPerEvent == null ? null : totalRealised,
                level);
        return total;
    }

    private RiskInterval formCell(int c) {
        int n = draws.size();
        int regions = draws.cells.regions().size();
        int sector = c / regions;
        String sectorCode = draws.cells.sectors().get(sector);
        double[] count = new double[n];
        double[] attemptedLoss = attemptedPerEvent == null ? null : new double[n];
        double[] realisedLoss = realisedPerEvent == null ? null : new double[n];
        for (int d = 0; d < n; d++) {
            double m = draws.shares[d][c] * totals[d];
            count[d] = m;
            if (attemptedLoss != null) {
                attemptedLoss[d] = m * attemptedPerEvent[sector][d];
            }
            if (realisedLoss != null) {
                realisedLoss[d] = m * realisedPerEvent[sector][d];
            }
        }
        double m = draws.cells.mean(c) * pointTotal;
        double a = draws.attempted == null ? Double.NaN : m * draws.attempted.expectedPerEvent(sectorCode, midpoint);
        double r = draws.realised == null ? Double.NaN : m * draws.realised.expectedPerEvent(sectorCode, midpoint);
        return interval(m, a, r, count, attemptedLoss, realisedLoss, level);
    }

    /**
     * An institution in {@code cell} whose exposure multiplies its expected count by {@code multiplier} (the
     * product of its {@link ExposureTable} multipliers, held fixed): every count and loss bound scales by it.
     */
    public RiskInterval institution(int cell, double multiplier) {
        if (!(multiplier > 0) || !Double.isFinite(multiplier)) {
            throw new IllegalArgumentException("exposure multiplier must be finite and > 0, got " + multiplier);
        }
        RiskInterval base = cell(cell);
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
