package io.sanctionsrisk.sanctions;

import java.util.Collection;

/**
 * Derives a sanctions event's severity 1..5 from its measures: the highest measure level, plus one when the
 * event combines three or more financial measures (level 3 or above), capped at 5. The levels are on
 * {@link Measure}; the rubric is documented in the service README.
 */
public final class SeverityRubric {

    public static final int MIN = 1;
    public static final int MAX = 5;
    static final int FINANCIAL_LEVEL = 3;
    static final int COMBINED_FINANCIAL_MEASURES = 3;

    private SeverityRubric() {}

    public static int derive(Collection<Measure> measures) {
        if (measures == null || measures.isEmpty()) {
            return MIN;
        }
        int highest = measures.stream().mapToInt(Measure::level).max().orElse(MIN);
        long financial = measures.stream()
                .filter(measure -> measure.level() >= FINANCIAL_LEVEL)
                .distinct()
                .count();
        int bonus = financial >= COMBINED_FINANCIAL_MEASURES ? 1 : 0;
        return Math.min(MAX, highest + bonus);
    }
}
