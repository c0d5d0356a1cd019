package io.sanctionsrisk.cadence.scoring;

/**
 * Equal-tailed credible interval of the expected count at {@code level}, from the posterior uncertainty of the
 * cell's share (Beta marginal of the Dirichlet posterior); the total forecast and the exposure multiplier are held
 * at their values. The probability and score bounds follow by their monotone maps.
 */
public record ScoreInterval(
        double level,
        double expectedCountLower,
        double expectedCountUpper,
        double probabilityLower,
        double probabilityUpper,
        double scoreLower,
        double scoreUpper) {}
