package io.sanctionsrisk.risk.audit;

import java.util.Objects;

/**
 * What one audited call did.
 *
 * @param inputsDigest SHA-256 hex of the canonical inputs (see {@link InputsDigest})
 * @param itemCount institutions scored, paths simulated or origins backtested
 * @param resourceId the stored result (scenario or backtest id), or null
 */
public record AuditEntry(
        AuditAction action,
        String inputsDigest,
        int itemCount,
        String modelVersion,
        Long dataVersion,
        Long snapshotId,
        String resourceId) {

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(inputsDigest, "inputsDigest");
    }
}
