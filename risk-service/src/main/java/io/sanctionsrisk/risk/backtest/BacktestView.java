package io.sanctionsrisk.risk.backtest;

import io.sanctionsrisk.risk.snapshot.OutputOwner;
import io.sanctionsrisk.risk.snapshot.OutputVersions;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored backtest: who ran it, on which snapshot, with which inputs, and its result (null in lists). */
@Schema(name = "Backtest")
public record BacktestView(
        long id,
        Instant createdAt,
        OutputOwner owner,
        BacktestInputs inputs,
        long snapshotId,
        OutputVersions versions,
        String inputsDigest,
        String resultDigest,
        long durationMillis,
        @Schema(nullable = true) BacktestResultView result) {}
