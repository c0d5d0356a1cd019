package io.sanctionsrisk.risk.backtest;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the cell backtest found (MODEL.md, "Backtests that score what is served"): for every origin the served cell
 * expectations, cell P(N >= 1) and total count scored against what happened, for three totals models times two
 * marks models, and the paired differences between them.
 */
@Schema(name = "CellBacktestResult")
public record CellResultView(
        @Schema(description = "How the scores and their standard errors are computed")
        String method,

        @Schema(
                example = "sanctions-excited-hawkes+adaptive-marks",
                description = "The model the served snapshot corresponds to; the differences are taken against it")
        String served,

        @Schema(
                example = "3",
                description = "Lags (in windows) at which windows overlap; the Newey-West standard errors use them")
        double lagWindows,

        @Schema(description = "True when heists were known from their first public attribution (no look-ahead)")
        boolean knownFromAttribution,

        @Schema(
                example = "[\"central-bank\", \"commercial-bank\", \"cooperative-bank\"]",
                description = "The sectors whose joint share gets a Brier score")
        List<String> groupSectors,

        List<Window> windows,

        @Schema(description = "Every model's scores summed over the windows")
        List<Total> totals,

        @Schema(description = "Paired differences of the scores over the same windows")
        List<Difference> differences,

        @Schema(description = "True when a fit stopped at its time budget (the backtest may then not repeat exactly)")
        boolean anyHitTimeBudget) {

    @Schema(name = "CellBacktestWindow")
    public record Window(
            @Schema(example = "2019-01-01", description = "T: the forecast knows what was known before this date")
            LocalDate origin,

            @Schema(example = "2019-03-31", description = "Last day of the window (T, T + h]")
            LocalDate windowEnd,

            @Schema(example = "19", description = "Heists known by the origin (the fit's data)")
            int trainingHeists,

            @Schema(example = "2", description = "Heists that happened in the window, whenever they became known")
            int observed,

            @Schema(example = "2", description = "Of those, the heists with a known cell")
            int observedWithCell,

            boolean fitConverged,
            boolean hitTimeBudget,
            Marks marks,
            List<Score> scores) {}

    @Schema(name = "CellBacktestMarks", description = "The marks' part of a window: the prior chosen as of the origin")
    public record Marks(
            @Schema(example = "730", nullable = true, description = "Half-life of the chosen prior; null: infinite")
            Double halfLifeDays,

            @Schema(example = "4") double strength,
            @Schema(example = "nested") String base,
            int heistsWithCell,
            int heistsInGroup,

            @Schema(description = "Sum over the window's heists of log(predicted share of their cell), chosen marks")
            double adaptiveLogScore,

            @Schema(description = "The same for the static marks")
            double staticLogScore,

            double adaptiveGroupShare,
            double staticGroupShare,
            double adaptiveGroupBrier,
            double staticGroupBrier) {}

    @Schema(name = "CellBacktestScore")
    public record Score(
            @Schema(example = "sanctions-excited-hawkes+adaptive-marks")
            String model,

            @Schema(example = "4.1", description = "Expected heists in the window")
            double expectedTotal,

            @Schema(description = "Sum over cells of log Poisson(n_c; m_c), m_c = share_c x total (higher is better)")
            double cellLogScore,

            @Schema(description = "Sum over cells of (1 - exp(-m_c) - 1{n_c >= 1})^2 (lower is better)")
            double cellBrier,

            @Schema(description = "Ranked probability score of the total count (lower is better)")
            double totalRps,

            @Schema(description = "Mid PIT (F(n - 1) + F(n)) / 2 of the total count")
            double totalPit) {}

    @Schema(name = "CellBacktestTotal")
    public record Total(
            @Schema(example = "sanctions-excited-hawkes+adaptive-marks")
            String model,

            double cellLogScore,
            double cellBrier,
            double totalRps,

            @Schema(description = "Mean of the windows' mid PIT values (0.5 when calibrated)")
            double meanTotalPit) {}

    @Schema(name = "CellBacktestDifference")
    public record Difference(
            @Schema(enumeration = {"CELL_LOG_SCORE", "CELL_BRIER", "TOTAL_RPS"})
            String metric,

            @Schema(example = "sanctions-excited-hawkes+adaptive-marks")
            String model,

            @Schema(example = "homogeneous-poisson+adaptive-marks")
            String against,

            int windows,

            @Schema(
                    description = "Sum over windows of model - against: positive favours model for the log score,"
                            + " negative for Brier and RPS")
            double totalDifference,

            double meanDifference,

            @Schema(nullable = true, description = "Standard error of the total (Newey-West over overlapping windows)")
            Double standardErrorOfTotal) {}
}
