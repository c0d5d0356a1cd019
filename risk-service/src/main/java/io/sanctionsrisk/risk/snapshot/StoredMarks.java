package io.sanctionsrisk.risk.snapshot;

import io.sanctionsrisk.cadence.marks.CellShare;
import io.sanctionsrisk.cadence.marks.SeverityFit;
import io.sanctionsrisk.risk.web.Numbers;
import java.util.List;

/** The marks of the heists: where they fall (sector x region cells) and how large they are. */
public record StoredMarks(Cells cells, Severity attempted, Severity realised) {

    public record Cells(
            String prior,

            double concentration,

            double credibleLevel,

            long heists,
            int sectors,
            int regions,

            List<Cell> observed,

            Cell emptyCell) {}

    public record Cell(String sector, String region, long heists, double share, double lower, double upper) {

        public static Cell of(CellShare s, boolean named) {
            return new Cell(
                    named ? s.cell().sector() : null,
                    named ? s.cell().region() : null,
                    s.count(),
                    s.mean(),
                    s.lower(),
                    s.upper());
        }
    }

    public record Severity(
            int observations,

            int positive,

            int zeros,

            Double probabilityPositive,

            Double logMean,

            Double logSd,

            Double logMeanStandardError,
            Double medianUsd,

            Double meanUsd,

            boolean sufficient,

            String note) {

        public static Severity of(SeverityFit f) {
            boolean spread = Double.isFinite(f.sigmaLog());
            return new Severity(
                    f.observations(),
                    f.positive(),
                    f.zeros(),
                    Numbers.finite(f.probabilityPositive()),
                    Numbers.finite(f.muLog()),
                    Numbers.finite(f.sigmaLog()),
                    Numbers.finite(f.muLogStandardError()),
                    Double.isFinite(f.muLog()) ? Numbers.finite(f.medianPositive()) : null,
                    spread ? Numbers.finite(f.meanPositive()) : null,
                    f.sufficient(),
                    f.note());
        }
    }
}
