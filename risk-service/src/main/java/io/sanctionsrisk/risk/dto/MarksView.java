package io.sanctionsrisk.risk.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The marks of the heists: where they fall (sector x region cells) and how large they are. */
@Schema(name = "Marks", description = "Cell shares (Dirichlet-multinomial posterior) and lognormal loss severities")
public record MarksView(Cells cells, Severity attempted, Severity realised) {

    @Schema(name = "CellShares")
    public record Cells(
            @Schema(description = "The prior, in words") String prior,

            @Schema(example = "0.0036", description = "Dirichlet concentration of each cell")
            double priorPerCell,

            @Schema(example = "44") int heists,
            @Schema(example = "12") int sectors,
            @Schema(example = "23") int regions,

            @Schema(description = "Cells with at least one heist, by share (the largest first)")
            List<Cell> observed,

            @Schema(description = "Share of one cell without any heist (every such cell has the same)")
            Cell emptyCell) {}

    @Schema(name = "CellShare")
    public record Cell(
            @Schema(example = "crypto-exchange", nullable = true)
            String sector,

            @Schema(example = "eastern-asia", nullable = true)
            String region,

            @Schema(example = "9") int heists,

            @Schema(example = "0.2", description = "Posterior mean share")
            double share,

            @Schema(example = "0.1", description = "2.5% quantile of the posterior share")
            double lower95,

            @Schema(example = "0.33", description = "97.5% quantile of the posterior share")
            double upper95) {}

    @Schema(name = "LossSeverity", description = "Lognormal fitted to the USD amounts by maximum likelihood")
    public record Severity(
            @Schema(example = "40", description = "Heists with a known positive amount")
            int heists,

            @Schema(example = "17.9", nullable = true) Double logMean,
            @Schema(example = "1.6", nullable = true) Double logSd,
            @Schema(example = "59000000", nullable = true) Double medianUsd,
            @Schema(example = "213000000", nullable = true) Double meanUsd) {}
}
