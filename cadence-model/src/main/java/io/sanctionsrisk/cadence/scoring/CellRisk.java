package io.sanctionsrisk.cadence.scoring;

/**
 * Risk of one heatmap cell (or of all cells together) over the horizon, with no exposure factor applied: expected
 * count, P(N >= 1) = 1 - exp(-expectedCount) (Poisson approximation), and expected USD losses (NaN when the
 * severity is not estimable).
 */
public record CellRisk(
        double expectedCount,
        double probabilityAtLeastOne,
        double expectedAttemptedLoss,
        double expectedRealisedLoss) {}
