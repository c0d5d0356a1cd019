package io.sanctionsrisk.risk.card;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The latest stored backtest of a snapshot against the configured thresholds, or "not-run" when there is none. */
@Schema(name = "ModelCardBacktest")
public record BacktestStatus(
        @Schema(
                example = "pass",
                description = "not-run, pass, fail, or inconclusive (too few origins or no heist" + " scored)")
        String status,

        @Schema(nullable = true) Long backtestId,
        @Schema(nullable = true) Instant created,
        @Schema(nullable = true) Integer origins,
        @Schema(nullable = true) Integer windowDays,

        @Schema(nullable = true, description = "Out-of-sample log-likelihood per heist, full model")
        Double fullLogLikelihoodPerEvent,

        @Schema(nullable = true) Double hawkesLogLikelihoodPerEvent,
        @Schema(nullable = true) Double poissonLogLikelihoodPerEvent,

        @Schema(nullable = true, description = "Share of origins inside the full model's 90% interval")
        Double coverage90,

        @Schema(description = "Each threshold with the value it was held against; empty when not run")
        List<Check> checks) {

    public static final String NOT_RUN = "not-run";
    public static final String PASS = "pass";
    public static final String FAIL = "fail";
    public static final String INCONCLUSIVE = "inconclusive";

    @Schema(name = "ModelCardBacktestCheck")
    public record Check(
            @Schema(example = "coverage90") String name,
            @Schema(nullable = true) Double value,
            @Schema(example = ">= 0.75") String threshold,

            @Schema(nullable = true, description = "Null when the value is not available")
            Boolean passed) {}

    static BacktestStatus notRun() {
        return new BacktestStatus(NOT_RUN, null, null, null, null, null, null, null, null, List.of());
    }
}
