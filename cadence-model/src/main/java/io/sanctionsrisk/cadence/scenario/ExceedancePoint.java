package io.sanctionsrisk.cadence.scenario;

/** A point of the total-loss exceedance curve: the loss exceeded with {@code probability} in each world. */
public record ExceedancePoint(double probability, double baselineLoss, double scenarioLoss) {}
