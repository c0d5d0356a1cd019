/**
 * {@code /api/v1/portfolios}: an organisation's institutions (uploaded as JSON, NDJSON or CSV, checked by the
 * scoring rules through {@code snapshot.InstitutionScoring}), their scores per snapshot with the change since the
 * previous one, the history of scorings, and the re-scoring of every portfolio when a new snapshot is served
 * ({@code events.SnapshotServed}), which raises {@code events.BandChanged} and {@code events.ThresholdCrossed}.
 * A portfolio belongs to the organisation named by the token's {@code organisation} claim; any other caller gets
 * 404.
 */
package io.sanctionsrisk.risk.portfolio;
