package io.sanctionsrisk.risk.refit;

import io.sanctionsrisk.cadence.marks.CellShare;
import io.sanctionsrisk.cadence.marks.CellShareModel;
import io.sanctionsrisk.cadence.marks.LognormalSeverity;
import io.sanctionsrisk.risk.config.RiskConfig;
import io.sanctionsrisk.risk.dataset.ModelDataset;
import io.sanctionsrisk.risk.snapshot.CellCounts;
import io.sanctionsrisk.risk.snapshot.ServedCells;
import io.sanctionsrisk.risk.snapshot.StoredMarks;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The marks of a snapshot, by the model's mark estimators: Dirichlet-multinomial cell shares over every sector and
 * every leaf region (the model's default prior: one pseudo-heist spread evenly over the cells; 90% intervals), and
 * lognormal severities fitted separately to the attempted and the realised amounts (unknown amounts left out).
 */
@ApplicationScoped
public class MarksService {

    private final RiskConfig config;

    public MarksService(RiskConfig config) {
        this.config = config;
    }

    static final double CREDIBLE_LEVEL = ServedCells.CREDIBLE_LEVEL;

    public StoredMarks marks(ModelDataset dataset) {
        return new StoredMarks(
                cells(dataset),
                StoredMarks.Severity.of(LognormalSeverity.fit(CellCounts.amounts(dataset, true))),
                StoredMarks.Severity.of(LognormalSeverity.fit(CellCounts.amounts(dataset, false))));
    }

    private StoredMarks.Cells cells(ModelDataset dataset) {
        CellCounts counted = CellCounts.of(dataset);
        ServedCells served = ServedCells.of(dataset, config.marks());
        if (served == null) {
            return new StoredMarks.Cells(
                    "no sector or region known: no cell shares",
                    CellShareModel.DEFAULT_CONCENTRATION,
                    CREDIBLE_LEVEL,
                    0,
                    counted.sectors().size(),
                    counted.regions().size(),
                    List.of(),
                    null);
        }
        List<CellShare> shares = served.shares();
        List<StoredMarks.Cell> observed = new ArrayList<>();
        StoredMarks.Cell empty = null;
        for (CellShare share : shares) {
            if (share.count() > 0) {
                observed.add(StoredMarks.Cell.of(share, true));
            } else if (empty == null) {
                empty = StoredMarks.Cell.of(share, false);
            }
        }
        observed.sort(Comparator.comparingDouble(StoredMarks.Cell::share)
                .reversed()
                .thenComparing(StoredMarks.Cell::sector)
                .thenComparing(StoredMarks.Cell::region));
        return new StoredMarks.Cells(
                served.prior(),
                served.concentration(),
                CREDIBLE_LEVEL,
                counted.heists(),
                counted.sectors().size(),
                counted.regions().size(),
                observed,
                empty);
    }
}
