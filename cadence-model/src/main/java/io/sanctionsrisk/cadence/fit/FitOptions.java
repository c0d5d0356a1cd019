package io.sanctionsrisk.cadence.fit;

import io.sanctionsrisk.cadence.CadenceParameters;
import java.time.Duration;

/**
 * How to fit. {@code shape} null means "choose k in {1, 2, 3} by AIC". {@code budget} is the wall-clock time
 * the fit may take before it stops and returns the best point found so far (flagged {@code hitDeadline}).
 * {@code starts} is how many of the deterministic starting points each optimisation runs from (1..9).
 */
public record FitOptions(Integer shape, Duration budget, int starts, int maxEvaluationsPerStart) {

    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(30);

    public static final int DEFAULT_STARTS = 3;

    public static final int DEFAULT_MAX_EVALUATIONS = 3000;

    public FitOptions {
        if (shape != null) {
            CadenceParameters.requireShape(shape);
        }
        if (budget == null || budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("fit budget must be a positive duration, got " + budget);
        }
        if (starts < 1 || starts > 9) {
            throw new IllegalArgumentException("starts must be between 1 and 9, got " + starts);
        }
        if (maxEvaluationsPerStart < 100) {
            throw new IllegalArgumentException("maxEvaluationsPerStart must be at least 100");
        }
    }

    /** Shape chosen by AIC, 30 s budget, 3 starts. */
    public static FitOptions defaults() {
        return new FitOptions(null, DEFAULT_BUDGET, DEFAULT_STARTS, DEFAULT_MAX_EVALUATIONS);
    }

    public FitOptions withShape(Integer newShape) {
        return new FitOptions(newShape, budget, starts, maxEvaluationsPerStart);
    }

    public FitOptions withBudget(Duration newBudget) {
        return new FitOptions(shape, newBudget, starts, maxEvaluationsPerStart);
    }

    public FitOptions withStarts(int newStarts) {
        return new FitOptions(shape, budget, newStarts, maxEvaluationsPerStart);
    }
}
