package io.sanctionsrisk.cadence.scenario;

/** One (sector, region) cell, by its index in the caller's cell order. */
public record CellSummary(int cell, WorldSummary baseline, WorldSummary scenario, DeltaSummary delta) {}
