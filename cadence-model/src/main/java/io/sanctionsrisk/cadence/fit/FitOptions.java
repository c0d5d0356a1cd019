package io.sanctionsrisk.cadence.fit;

import io.sanctionsrisk.cadence.CadenceParameters;
import java.time.Duration;

/**
 * How to fit. {@code shape} null means "choose k in {1, 2, 3} by AIC". {@code budget} is the wall-clock time
 * the search may take before it stops and returns the best point found so far (flagged {@code hitDeadline}).
 * {@code starts} is how many extra grid starts each search polishes beyond its fixed design (starts - 1 extra,
 * 1..9); they can only replace the answer by a clearly better optimum. {@code bootstrap} and {@code draws}
 * (off by default) add the parametric bootstrap of the sanctions term and posterior draws of the parameters to
 * the result, each with its own budget or size.
 */
public record FitOptions(
        Integer shape,
        Duration budget,
        int starts,
        int maxEvaluationsPerStart,
        BootstrapOptions bootstrap,
        DrawOptions draws) {

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
        if (bootstrap == null || draws == null) {
            throw new IllegalArgumentException("bootstrap and draw options are required (use NONE to switch off)");
        }
    }

    /** Without bootstrap or draws. */
    public FitOptions(Integer shape, Duration budget, int starts, int maxEvaluationsPerStart) {
        this(shape, budget, starts, maxEvaluationsPerStart, BootstrapOptions.NONE, DrawOptions.NONE);
    }

    /** Shape chosen by AIC, 30 s budget, 3 starts, no bootstrap, no draws. */
    public static FitOptions defaults() {
        return new FitOptions(null, DEFAULT_BUDGET, DEFAULT_STARTS, DEFAULT_MAX_EVALUATIONS);
    }

    public FitOptions withShape(Integer newShape) {
        return new FitOptions(newShape, budget, starts, maxEvaluationsPerStart, bootstrap, draws);
    }

    public FitOptions withBudget(Duration newBudget) {
        return new FitOptions(shape, newBudget, starts, maxEvaluationsPerStart, bootstrap, draws);
    }

    public FitOptions withStarts(int newStarts) {
        return new FitOptions(shape, budget, newStarts, maxEvaluationsPerStart, bootstrap, draws);
    }

    public FitOptions withBootstrap(BootstrapOptions newBootstrap) {
        return new FitOptions(shape, budget, starts, maxEvaluationsPerStart, newBootstrap, draws);
    }

    public FitOptions withDraws(DrawOptions newDraws) {
        return new FitOptions(shape, budget, starts, maxEvaluationsPerStart, bootstrap, newDraws);
    }
}
