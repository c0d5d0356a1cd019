/**
 * The model card: what a snapshot was fitted on, its estimates and diagnostics, its backtest against configured
 * thresholds, its limitations and what changed since the snapshot before it; as JSON or PDF, with the snapshot
 * history.
 */
package io.sanctionsrisk.risk.card;
