package io.sanctionsrisk.risk.backtest;

import java.time.LocalDate;
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
        long seed) {}
