package io.sanctionsrisk.cadence.backtest;

import io.sanctionsrisk.cadence.CadenceParameters;
import java.util.List;

/**
 * One origin T_k: the training data (0, T_k], the prediction window (T_k, T_k + h], the heists observed in it,
 * the fitted full model, and each model's forecast (full model, Hawkes without sanctions, homogeneous Poisson).
 */
public record OriginResult(
        double origin,
        double windowEnd,
        int trainingEvents,
        int observed,
        CadenceParameters fitted,
        boolean converged,
        boolean hitDeadline,
        List<WindowForecast> forecasts) {

    public OriginResult {
        forecasts = List.copyOf(forecasts);
    }

    public WindowForecast forecast(String model) {
        return forecasts.stream()
                .filter(f -> f.model().equals(model))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no forecast of " + model));
    }
}
