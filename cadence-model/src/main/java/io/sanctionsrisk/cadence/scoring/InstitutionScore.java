package io.sanctionsrisk.cadence.scoring;

import java.util.List;

/**
 * The score of one institution over the horizon. {@code expectedCount} = exposureMultiplier x cellShare x total
 * forecast; it equals baseline + sanctions + selfExcitation + the exposure effects (the first three are the
 * cell's parts before exposure).
 */
public record InstitutionScore(
        double cellShare,
        double expectedCount,
        double probabilityAtLeastOne,
        double expectedAttemptedLoss,
        double expectedRealisedLoss,
        double score,
        ScoreBand band,
        ScoreInterval interval,
        double baseline,
        double sanctions,
        double selfExcitation,
        double exposureMultiplier,
        List<ExposureEffect> exposure) {}
