package io.sanctionsrisk.cadence.scenario;

/**
 * Scenario minus baseline, path by path (common random numbers make the per-path difference the quantity to
 * summarise): the mean difference with its standard error and 95% interval, and the quantiles of the per-path
 * differences; plus the change in the probability of at least one heist.
 */
public record DeltaSummary(Distribution count, double probabilityAtLeastOne, Distribution loss) {}
