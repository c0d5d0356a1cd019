package io.sanctionsrisk.cadence.marks;

/**
 * Posterior share of heists in one cell: Beta(count + prior, total + concentration - count - prior) marginal
 * of the Dirichlet posterior, with its mean and equal-tailed credible interval.
 */
public record CellShare(Cell cell, long count, double priorWeight, double mean, double lower, double upper) {}
