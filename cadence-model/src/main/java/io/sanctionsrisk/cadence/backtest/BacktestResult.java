package io.sanctionsrisk.cadence.backtest;

import java.util.List;

/** Every origin's result and the scores of the three models, full model first. */
public record BacktestResult(List<OriginResult> origins, int events, List<ModelScore> scores, boolean anyHitDeadline) {

    public BacktestResult {
        origins = List.copyOf(origins);
        scores = List.copyOf(scores);
    }

    public ModelScore score(String model) {
        return scores.stream()
                .filter(s -> s.model().equals(model))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no score of " + model));
    }
}
