package io.sanctionsrisk.risk.scenario;

import java.util.Collection;

/**
 * The sanctions-service's severity rubric (its README, "Severity"), applied to the measure levels it publishes at
 * /api/v1/taxonomy/measures: the highest level, plus one when three or more distinct measures are financial (level
 * 3 or above), capped at 5; 1 without measures. Used for hypothetical sanctions given by their measures only, so
 * that they weigh what the same sanctions would weigh in the data.
 */
final class MeasureRubric {

    static final int MIN = 1;
    static final int MAX = 5;
    static final int FINANCIAL_LEVEL = 3;
    static final int COMBINED_FINANCIAL_MEASURES = 3;

    private MeasureRubric() {}

    /** The severity of distinct measures with these levels. */
    static int severity(Collection<Integer> levelsOfDistinctMeasures) {
        if (levelsOfDistinctMeasures.isEmpty()) {
            return MIN;
        }
        int highest = MIN;
        int financial = 0;
        for (int level : levelsOfDistinctMeasures) {
            highest = Math.max(highest, level);
            if (level >= FINANCIAL_LEVEL) {
                financial++;
            }
        }
        return Math.min(MAX, highest + (financial >= COMBINED_FINANCIAL_MEASURES ? 1 : 0));
    }
}
