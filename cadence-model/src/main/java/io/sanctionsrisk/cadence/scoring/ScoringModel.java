package io.sanctionsrisk.cadence.scoring;

import io.sanctionsrisk.cadence.forecast.ExpectedCount;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores institutions and cells over one horizon of one snapshot. Cell count m_c = p_c (B + S + H) with p_c the
 * cell's posterior mean share and B, S, H the forecast's baseline, sanctions and self-excitation parts; an
 * institution's count is M m_c with M the product of its exposure multipliers; P(N >= 1) = 1 - exp(-m) (Poisson
 * approximation); expected loss = m x expected USD per heist. Immutable and thread-safe.
 */
public final class ScoringModel {

    private final CellGrid grid;
    private final ExpectedCount forecast;
    private final Severities severity;
    private final ExposureTable exposure;

    public ScoringModel(CellGrid grid, ExpectedCount forecast, Severities severity, ExposureTable exposure) {
        if (grid == null || forecast == null || severity == null || exposure == null) {
            throw new IllegalArgumentException("grid, forecast, severity and exposure table are required");
        }
        this.grid = grid;
        this.forecast = forecast;
        this.severity = severity;
        this.exposure = exposure;
    }

    public CellGrid grid() {
        return grid;
    }

    public ExpectedCount forecast() {
        return forecast;
    }

    public Severities severity() {
        return severity;
    }

    /** The institution in {@code cell} with the stated exposure. */
    public InstitutionScore score(int cell, ExposureProfile profile) {
        double share = grid.share(cell);
        double total = forecast.total();
        double baseline = share * forecast.baseline();
        double sanctions = share * forecast.sanctions();
        double selfExcitation = share * forecast.selfExcitation();
        double before = baseline + sanctions + selfExcitation;
        double running = before;
        double multiplier = 1;
        List<ExposureEffect> effects;
        if (profile.isEmpty()) {
            effects = List.of();
        } else {
            effects = new ArrayList<>(2);
            for (ExposureFactor factor : ExposureFactor.values()) {
                int level = profile.level(factor);
                if (level < 0) {
                    continue;
                }
                double m = exposure.multiplier(factor, level);
                double added = running * (m - 1);
                running += added;
                multiplier *= m;
                effects.add(new ExposureEffect(factor, factor.levels().get(level), m, added));
            }
            effects = List.copyOf(effects);
        }
        double expected = multiplier * before;
        double p = atLeastOne(expected);
        double score = ScoreScale.score(p);
        double lower = multiplier * grid.shareLower(cell) * total;
        double upper = multiplier * grid.shareUpper(cell) * total;
        double pLower = atLeastOne(lower);
        double pUpper = atLeastOne(upper);
        ScoreInterval interval = new ScoreInterval(
                grid.credibleLevel(), lower, upper, pLower, pUpper, ScoreScale.score(pLower), ScoreScale.score(pUpper));
        return new InstitutionScore(
                share,
                expected,
                p,
                expected * severity.attemptedPerEvent(),
                expected * severity.realisedPerEvent(),
                score,
                ScoreScale.band(score),
                interval,
                baseline,
                sanctions,
                selfExcitation,
                multiplier,
                effects);
    }

    /** A heatmap cell: the cell's typical institution's risk, no exposure applied. */
    public CellRisk cell(int cell) {
        return risk(grid.share(cell) * forecast.total());
    }

    /** Every cell together: the total forecast. */
    public CellRisk total() {
        return risk(forecast.total());
    }

    private CellRisk risk(double expected) {
        return new CellRisk(
                expected,
                atLeastOne(expected),
                expected * severity.attemptedPerEvent(),
                expected * severity.realisedPerEvent());
    }

    /** P(N >= 1) = 1 - e^{-m} for a Poisson count of mean m. */
    static double atLeastOne(double expected) {
        return -Math.expm1(-expected);
    }
}
