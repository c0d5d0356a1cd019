package io.sanctionsrisk.risk.backtest;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A backtest's inputs with the defaults filled in. */
@Schema(name = "BacktestInputs")
public record BacktestInputs(
        LocalDate firstOrigin,
        int stepDays,
        int windowDays,
        Integer kernelShape,
        boolean knownFutureSanctions,
        int intervalPaths,
        long seed,

        @Schema(description = "Whether the cell backtest ran (false in backtests stored before it existed)")
        boolean cells,

        @Schema(description = "With cells: heists known from their first public attribution")
        boolean knownFromAttribution,

        @Schema(nullable = true, description = "With cells: the sectors whose joint share gets a Brier score")
        List<String> groupSectors) {}
