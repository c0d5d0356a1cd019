package io.sanctionsrisk.risk.portfolio;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A portfolio, without its institutions. */
@Schema(name = "Portfolio", description = "A portfolio of the caller's organisation")
public record PortfolioView(
        @Schema(example = "3f6c2a8e-8d0b-4f7e-9a51-2c1d7b0e9f44")
        String id,

        @Schema(example = "bank-one") String organisation,
        String name,
        List<Double> thresholds,
        Instant createdAt,
        Instant updatedAt,
        @Schema(example = "2500") int institutionCount,

        @Schema(description = "SHA-256 of the institutions as stored; null while there are none")
        String institutionsDigest,

        @Schema(description = "The snapshot of the latest scoring; null before the first")
        Long scoredSnapshotId) {}
