package io.sanctionsrisk.risk.events;

import java.time.Instant;

/**
 * An institution in an organisation's portfolio moved to another risk band when the portfolio was re-scored.
 *
 * @param organisation the owning organisation (the token's organisation claim)
 * @param portfolioId the portfolio
 * @param institutionId the institution's id within the portfolio
 * @param previousBand the band under the previous snapshot
 * @param band the band under the new snapshot
 * @param previousScore the score under the previous snapshot
 * @param score the score under the new snapshot
 * @param snapshotId the snapshot that produced the new score
 * @param at when it was re-scored
 */
public record BandChanged(
        String organisation,
        String portfolioId,
        String institutionId,
        String previousBand,
        String band,
        double previousScore,
        double score,
        long snapshotId,
        Instant at) {}
