package io.sanctionsrisk.cadence.scoring;

/**
 * One applied exposure factor: its level, its multiplier and the expected count it adds (negative: removes) when
 * applied after the factors before it in {@link ExposureFactor}'s order.
 */
public record ExposureEffect(ExposureFactor factor, String level, double multiplier, double expectedCount) {}
