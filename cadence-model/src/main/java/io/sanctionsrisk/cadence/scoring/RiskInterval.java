package io.sanctionsrisk.cadence.scoring;

import io.sanctionsrisk.cadence.marks.CredibleInterval;

/**
 * A served risk with its intervals from parameter uncertainty (cadence parameters and marks together): the point
 * (posterior mean shares at the fitted cadence parameters), and for each number a credible interval that contains
 * it. Losses are NaN (with NaN intervals left null) when the severity is not given.
 */
public record RiskInterval(
        CellRisk point,
        double score,
        CredibleInterval expectedCount,
        CredibleInterval probabilityAtLeastOne,
        CredibleInterval scoreInterval,
        CredibleInterval expectedAttemptedLoss,
        CredibleInterval expectedRealisedLoss) {

    /** Whether every served number lies inside its own interval. */
    public boolean pointsInside() {
        return expectedCount.contains(point.expectedCount())
                && probabilityAtLeastOne.contains(point.probabilityAtLeastOne())
                && scoreInterval.contains(score)
                && (expectedAttemptedLoss == null || expectedAttemptedLoss.contains(point.expectedAttemptedLoss()))
                && (expectedRealisedLoss == null || expectedRealisedLoss.contains(point.expectedRealisedLoss()));
    }
}
