package io.sanctionsrisk.cadence.scoring;

/**
 * The 0..100 score of a probability of at least one heist over the horizon, on a log scale: score = 25 (log10 p +
 * 4), clamped to [0, 100], so each factor of ten in the probability adds 25 points (p = 1e-4 is 0, 0.1% is 25, 1%
 * is 50, 10% is 75, 100% is 100). Strictly increasing in p on [1e-4, 1]; bands cut at 25, 50 and 75.
 */
public final class ScoreScale {

    /** Probabilities at or below this score 0. */
    public static final double FLOOR_PROBABILITY = 1e-4;

    private static final double POINTS_PER_DECADE = 25;

    private ScoreScale() {}

    /** score(p) = 25 (log10 p + 4), clamped to [0, 100]. */
    public static double score(double probability) {
        if (!(probability > FLOOR_PROBABILITY)) { // also NaN and 0
            return 0;
        }
        if (probability >= 1) {
            return 100;
        }
        double s = POINTS_PER_DECADE * (Math.log10(probability) - Math.log10(FLOOR_PROBABILITY));
        return Math.min(100, Math.max(0, s));
    }

    /** low below 25 (p < 0.1%), moderate below 50 (p < 1%), high below 75 (p < 10%), severe from 75. */
    public static ScoreBand band(double score) {
        if (score < 25) {
            return ScoreBand.LOW;
        }
        if (score < 50) {
            return ScoreBand.MODERATE;
        }
        if (score < 75) {
            return ScoreBand.HIGH;
        }
        return ScoreBand.SEVERE;
    }
}
