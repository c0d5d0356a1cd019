package io.sanctionsrisk.risk.events;

import java.time.Instant;
import java.util.List;

/**
 * The serving snapshot's data became stale (fired once when it turns stale, not on every check).
 *
 * @param snapshotId the serving snapshot
 * @param reasons why it is stale, in words
 * @param at when it was found stale
 */
public record DataStale(long snapshotId, List<String> reasons, Instant at) {}
