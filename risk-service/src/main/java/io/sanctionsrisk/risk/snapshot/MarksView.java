package io.sanctionsrisk.risk.snapshot;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The marks of the heists: where they fall (sector x region cells) and how large they are. */
@Schema(name = "Marks", description = "Cell shares (Dirichlet-multinomial posterior) and lognormal loss severities")
public record MarksView(
        Cells cells,

        @Schema(description = "Lognormal fitted to the attempted amounts")
        Severity attempted,

        @Schema(description = "Lognormal fitted to the realised amounts")
        Severity realised) {
    public static MarksView of(StoredMarks s) {
        if (s == null) {
            return null;
        }
        return new MarksView(Cells.of(s.cells()), Severity.of(s.attempted()), Severity.of(s.realised()));
    }

    @Schema(name = "CellShares")
    public record Cells(
            @Schema(description = "The prior, in words") String prior,

            @Schema(example = "1.0", description = "Total prior concentration (pseudo-heists)")
            double concentration,

            @Schema(example = "0.9", description = "Level of the equal-tailed credible intervals")
            double credibleLevel,

            @Schema(example = "44") long heists,
            @Schema(example = "12") int sectors,
            @Schema(example = "23") int regions,

            @Schema(description = "Cells with at least one heist, the largest share first")
            List<Cell> observed,

            @Schema(
                    description =
                            "The first cell without a heist (under the static marks every such cell has this posterior; the heatmap gives each cell)")
            Cell emptyCell) {
        public static Cells of(StoredMarks.Cells s) {
            if (s == null) {
                return null;
            }
            return new Cells(
                    s.prior(),
                    s.concentration(),
                    s.credibleLevel(),
                    s.heists(),
                    s.sectors(),
                    s.regions(),
                    s.observed() == null
                            ? null
                            : s.observed().stream().map(Cell::of).toList(),
                    Cell.of(s.emptyCell()));
        }
    }

    @Schema(name = "CellShare")
    public record Cell(
            @Schema(example = "crypto-exchange", nullable = true)
            String sector,

            @Schema(example = "eastern-asia", nullable = true)
            String region,

            @Schema(example = "9") long heists,

            @Schema(example = "0.2", description = "Posterior mean share")
            double share,

            @Schema(example = "0.11", description = "Lower end of the credible interval")
            double lower,

            @Schema(example = "0.3", description = "Upper end of the credible interval")
            double upper) {
        public static Cell of(StoredMarks.Cell s) {
            if (s == null) {
                return null;
            }
            return new Cell(s.sector(), s.region(), s.heists(), s.share(), s.lower(), s.upper());
        }
    }

    @Schema(name = "LossSeverity", description = "Lognormal fitted by maximum likelihood to the positive USD amounts")
    public record Severity(
            @Schema(example = "40", description = "Heists with a known amount (zeros included)")
            int observations,

            @Schema(example = "38") int positive,

            @Schema(example = "2", description = "Known amounts of zero (attempts that realised nothing)")
            int zeros,

            @Schema(example = "0.95", nullable = true) Double probabilityPositive,

            @Schema(example = "17.9", nullable = true, description = "Mean of ln(USD)")
            Double logMean,

            @Schema(example = "1.6", nullable = true, description = "Standard deviation of ln(USD)")
            Double logSd,

            @Schema(example = "0.26", nullable = true) Double logMeanStandardError,
            @Schema(example = "59000000", nullable = true) Double medianUsd,

            @Schema(example = "213000000", nullable = true, description = "Mean of the positive amounts")
            Double meanUsd,

            @Schema(description = "False when too few amounts for a lognormal fit")
            boolean sufficient,

            @Schema(description = "Why the fit is weak or missing; empty when it is not")
            String note) {
        public static Severity of(StoredMarks.Severity s) {
            if (s == null) {
                return null;
            }
            return new Severity(
                    s.observations(),
                    s.positive(),
                    s.zeros(),
                    s.probabilityPositive(),
                    s.logMean(),
                    s.logSd(),
                    s.logMeanStandardError(),
                    s.medianUsd(),
                    s.meanUsd(),
                    s.sufficient(),
                    s.note());
        }
    }
}
