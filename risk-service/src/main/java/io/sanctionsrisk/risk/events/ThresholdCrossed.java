package io.sanctionsrisk.risk.events;

import java.time.Instant;

/**
 * A portfolio institution's score crossed a threshold its organisation set, upwards or downwards.
 *
 * @param organisation the owning organisation
 * @param portfolioId the portfolio
 * @param institutionId the institution's id within the portfolio
 * @param threshold the threshold crossed
 * @param previousScore the score before
 * @param score the score now
 * @param snapshotId the snapshot that produced the new score
 * @param at when it was re-scored
 */
public record ThresholdCrossed(
        String organisation,
        String portfolioId,
        String institutionId,
        double threshold,
        double previousScore,
        double score,
        long snapshotId,
        Instant at) {}
