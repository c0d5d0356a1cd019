package io.sanctionsrisk.cadence.scenario;

/** Counts and losses of one world (baseline or scenario) over the paths; {@code loss} null without a loss model. */
public record WorldSummary(Distribution count, double probabilityAtLeastOne, Distribution loss) {}
