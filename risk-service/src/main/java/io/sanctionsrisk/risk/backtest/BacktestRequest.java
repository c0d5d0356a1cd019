package io.sanctionsrisk.risk.backtest;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rolling-origin backtest of the serving snapshot's data. Every field is optional. */
@Schema(name = "BacktestRequest", example = """
                {"firstOrigin": "2019-01-01", "stepDays": 365, "windowDays": 365, "kernelShape": 2}""")
public record BacktestRequest(
        @Schema(
                example = "2019-01-01",
                description = "First origin T_1: the first fit uses the heists before this date; default: the"
                        + " middle of the data window")
        LocalDate firstOrigin,

        @Schema(example = "365", description = "Days between origins; default: the window")
        Integer stepDays,

        @Schema(example = "365", description = "Prediction window h in days (default 365, at most 3650)")
        Integer windowDays,

        @Schema(example = "2", description = "Kernel shape 1, 2 or 3 for every fit; omitted: chosen by AIC per origin")
        Integer kernelShape,

        @Schema(
                example = "false",
                description = "Whether sanctions taking effect inside a window are known to its forecast (default"
                        + " false: a forecast made at the origin)")
        Boolean knownFutureSanctions,

        @Schema(example = "2000", description = "Simulations per origin and model for the 90% intervals (100..100000)")
        Integer intervalPaths,

        @Schema(example = "20240601", description = "Seed of those simulations (default fixed)")
        Long seed,

        @Schema(
                example = "true",
                nullable = true,
                description = "Also score what is served, on the same origins: the Poisson log score of the cell"
                        + " expectations, the Brier score of the cells' P(N >= 1), the RPS and PIT of the total, for"
                        + " three totals models times adaptive and static marks, with paired differences and their"
                        + " standard errors (default false). Take stepDays 91 and windowDays 91 for quarterly origins")
        Boolean cells,

        @Schema(
                example = "true",
                nullable = true,
                description = "With cells: a heist enters a forecast only once it was publicly attributed (default"
                        + " true; false: known from its own date, look-ahead)")
        Boolean knownFromAttribution,

        @Schema(
                example = "[\"central-bank\", \"commercial-bank\", \"cooperative-bank\"]",
                nullable = true,
                description = "With cells: the sectors whose joint share gets a Brier score (default: the bank"
                        + " sectors); each must be a sector of the snapshot's grid")
        java.util.List<String> groupSectors) {}
