package io.sanctionsrisk.risk.scoring;

import io.sanctionsrisk.cadence.marks.CredibleInterval;
import io.sanctionsrisk.cadence.scoring.CellRisk;
import io.sanctionsrisk.cadence.scoring.ExposureEffect;
import io.sanctionsrisk.cadence.scoring.InstitutionScore;
import io.sanctionsrisk.cadence.scoring.RiskInterval;
import io.sanctionsrisk.cadence.scoring.ScoreScale;
import io.sanctionsrisk.cadence.scoring.UncertainRiskModel;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.snapshot.ServedModel;
import io.sanctionsrisk.risk.web.Numbers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the API answer ({@link ScoreView}) of one scored institution, for single scores, batch items and the
 * engine benchmarks alike, and the finite bounds of a credible interval that the score and heatmap views share.
 */
public final class ScoreViews {

    private ScoreViews() {}

    /** The answer for one scored institution against the scoring context's served draws. */
    static ScoreView view(
            Institution inst,
            InstitutionScore s,
            UncertainRiskModel intervals,
            LocalDate from,
            ScoringContext context) {
        LoadedSnapshot snapshot = context.snapshot();
        ServedModel model = context.served();
        return view(
                inst,
                s,
                intervals.institution(inst.cell(), s.exposureMultiplier()),
                model.cadenceDraws().size(),
                model.hasParameterDraws(),
                from,
                snapshot.row().getModelVersion(),
                snapshot.row().getDataVersion(),
                snapshot.id());
    }

    /**
     * The answer for one scored institution without parameter draws: the share-only interval of {@code s}, the
     * pooled severity (kept for the engine benchmarks).
     */
    public static ScoreView view(
            Institution inst,
            InstitutionScore s,
            LocalDate from,
            String modelVersion,
            long dataVersion,
            long snapshotId) {
        return view(inst, s, null, 0, false, from, modelVersion, dataVersion, snapshotId);
    }

    /**
     * The answer for one scored institution; single scores and batch items are made here alike. The served
     * numbers and their intervals come from {@code risk} (joint posterior draws), the share and contributions from
     * {@code s}; without {@code risk}, everything from {@code s}.
     */
    public static ScoreView view(
            Institution inst,
            InstitutionScore s,
            RiskInterval risk,
            int draws,
            boolean parameterUncertainty,
            LocalDate from,
            String modelVersion,
            long dataVersion,
            long snapshotId) {
        List<ScoreView.Contribution> contributions =
                new ArrayList<>(3 + s.exposure().size());
        contributions.add(new ScoreView.Contribution("baseline", null, null, null, s.baseline()));
        contributions.add(new ScoreView.Contribution("sanctions", null, null, null, s.sanctions()));
        contributions.add(new ScoreView.Contribution("self-excitation", null, null, null, s.selfExcitation()));
        for (ExposureEffect e : s.exposure()) {
            contributions.add(new ScoreView.Contribution(
                    "exposure", e.factor().field(), e.level(), e.multiplier(), e.expectedCount()));
        }
        double expected;
        double probability;
        double score;
        double attempted;
        double realised;
        ScoreView.Interval interval;
        if (risk == null) {
            expected = s.expectedCount();
            probability = s.probabilityAtLeastOne();
            score = s.score();
            attempted = s.expectedAttemptedLoss();
            realised = s.expectedRealisedLoss();
            interval = new ScoreView.Interval(
                    s.interval().level(),
                    s.interval().expectedCountLower(),
                    s.interval().expectedCountUpper(),
                    s.interval().probabilityLower(),
                    s.interval().probabilityUpper(),
                    s.interval().scoreLower(),
                    s.interval().scoreUpper(),
                    null,
                    null,
                    null,
                    null,
                    0,
                    false);
        } else {
            CellRisk point = risk.point();
            expected = point.expectedCount();
            probability = point.probabilityAtLeastOne();
            score = risk.score();
            attempted = point.expectedAttemptedLoss();
            realised = point.expectedRealisedLoss();
            interval = new ScoreView.Interval(
                    risk.expectedCount().level(),
                    risk.expectedCount().lower(),
                    risk.expectedCount().upper(),
                    risk.probabilityAtLeastOne().lower(),
                    risk.probabilityAtLeastOne().upper(),
                    risk.scoreInterval().lower(),
                    risk.scoreInterval().upper(),
                    lower(risk.expectedAttemptedLoss()),
                    upper(risk.expectedAttemptedLoss()),
                    lower(risk.expectedRealisedLoss()),
                    upper(risk.expectedRealisedLoss()),
                    draws,
                    parameterUncertainty);
        }
        return new ScoreView(
                inst.id(),
                inst.sector(),
                inst.country(),
                inst.region(),
                inst.horizonDays(),
                from,
                from.plusDays(inst.horizonDays()),
                s.cellShare(),
                expected,
                probability,
                new ScoreView.ExpectedLoss(Numbers.finite(attempted), Numbers.finite(realised)),
                score,
                ScoreScale.band(score).code(),
                interval,
                contributions,
                s.exposureMultiplier(),
                modelVersion,
                dataVersion,
                snapshotId);
    }

    /** The lower bound of {@code i} as a finite number, or null without an interval. */
    static Double lower(CredibleInterval i) {
        return i == null ? null : Numbers.finite(i.lower());
    }

    /** The upper bound of {@code i} as a finite number, or null without an interval. */
    static Double upper(CredibleInterval i) {
        return i == null ? null : Numbers.finite(i.upper());
    }
}
