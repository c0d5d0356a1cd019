package io.sanctionsrisk.risk.events;

import java.time.Instant;

/**
 * A new snapshot became the serving one (fired after its transaction commits, by the refit feature).
 *
 * @param snapshotId the new serving snapshot
 * @param previousSnapshotId the snapshot served before it, or {@code null} for the first
 * @param modelVersion the model version of the new snapshot
 * @param dataVersion the sanctions-service data version it was fitted on
 * @param at when it was stored
 */
public record SnapshotServed(
        long snapshotId, Long previousSnapshotId, String modelVersion, long dataVersion, Instant at) {}
