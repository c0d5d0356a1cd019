package io.sanctionsrisk.risk.backtest;

import io.sanctionsrisk.risk.snapshot.ParametersView;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a backtest found: every origin, and each model's out-of-sample score. */
@Schema(name = "BacktestResult")
public record BacktestResultView(
        @Schema(description = "How the intervals and log-likelihoods are computed")
        String method,

        List<Origin> origins,

        @Schema(example = "31", description = "Heists inside the prediction windows")
        int events,

        @Schema(description = "Full model, Hawkes without sanctions, homogeneous Poisson")
        List<Score> scores,

        @Schema(
                description = "Full model minus Poisson, log-likelihood per heist (positive: the full model wins)",
                nullable = true)
        Double fullMinusPoissonPerEvent,

        @Schema(description = "Full model minus Hawkes without sanctions, per heist", nullable = true)
        Double fullMinusHawkesPerEvent,

        @Schema(description = "True when a fit stopped at its time budget (the backtest may then not repeat exactly)")
        boolean anyHitTimeBudget,

        @Schema(nullable = true, description = "The cell backtest, when the request asked for it (cells: true)")
        CellResultView cells) {

    @Schema(name = "BacktestOrigin")
    public record Origin(
            @Schema(example = "2019-01-01", description = "T_k: the fit sees the heists before this date")
            LocalDate origin,

            @Schema(example = "2019-12-31", description = "Last day of the window (T_k, T_k + h]")
            LocalDate windowEnd,

            int trainingHeists,
            int observed,
            ParametersView fitted,
            boolean converged,
            boolean hitTimeBudget,
            List<Forecast> forecasts) {}

    @Schema(name = "BacktestForecast")
    public record Forecast(
            @Schema(example = "sanctions-excited-hawkes") String model,

            @Schema(example = "4.2", description = "Expected heists in the window")
            double expected,

            @Schema(example = "1", description = "5% quantile of the predictive count")
            int lower90,

            @Schema(example = "8", description = "95% quantile of the predictive count")
            int upper90,

            boolean covered,

            @Schema(example = "-14.1", description = "Out-of-sample log-likelihood of the window")
            double logLikelihood) {}

    @Schema(name = "BacktestScore")
    public record Score(
            String model,
            double logLikelihood,
            @Schema(nullable = true) Double logLikelihoodPerEvent,
            int covered,
            int windows,
            double coverage90) {}
}
