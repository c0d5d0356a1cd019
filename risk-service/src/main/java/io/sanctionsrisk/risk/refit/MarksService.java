package io.sanctionsrisk.risk.refit;

import io.sanctionsrisk.cadence.marks.Cell;
import io.sanctionsrisk.cadence.marks.CellShare;
import io.sanctionsrisk.cadence.marks.CellShareModel;
import io.sanctionsrisk.cadence.marks.LognormalSeverity;
import io.sanctionsrisk.risk.dataset.ModelDataset;
import io.sanctionsrisk.risk.snapshot.CellCounts;
import io.sanctionsrisk.risk.snapshot.StoredMarks;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The marks of a snapshot, by the model's mark estimators: Dirichlet-multinomial cell shares over every sector and
 * every leaf region (the model's default prior: one pseudo-heist spread evenly over the cells; 90% intervals), and
 * lognormal severities fitted separately to the attempted and the realised amounts (unknown amounts left out).
 */
@ApplicationScoped
public class MarksService {

    static final double CREDIBLE_LEVEL = 0.90;

    public StoredMarks marks(ModelDataset dataset) {
        return new StoredMarks(
                cells(dataset),
                StoredMarks.Severity.of(LognormalSeverity.fit(CellCounts.amounts(dataset, true))),
                StoredMarks.Severity.of(LognormalSeverity.fit(CellCounts.amounts(dataset, false))));
    }

    private static StoredMarks.Cells cells(ModelDataset dataset) {
        CellCounts counted = CellCounts.of(dataset);
        List<String> sectors = counted.sectors();
        List<String> regions = counted.regions();
        Map<Cell, Long> counts = counted.counts();
        if (sectors.isEmpty() || regions.isEmpty()) {
            return new StoredMarks.Cells(
                    "no sector or region known: no cell shares",
                    CellShareModel.DEFAULT_CONCENTRATION,
                    CREDIBLE_LEVEL,
                    0,
                    sectors.size(),
                    regions.size(),
                    List.of(),
                    null);
        }
        List<Cell> grid = counted.cells();
        List<CellShare> shares =
                CellShareModel.posterior(grid, counts, CellShareModel.DEFAULT_CONCENTRATION, null, CREDIBLE_LEVEL);
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
        long heists = counted.heists();
        return new StoredMarks.Cells(
                "symmetric Dirichlet: " + CellShareModel.DEFAULT_CONCENTRATION + " pseudo-heist spread evenly over "
                        + grid.size() + " cells (" + sectors.size() + " sectors x " + regions.size() + " leaf regions)",
                CellShareModel.DEFAULT_CONCENTRATION,
                CREDIBLE_LEVEL,
                heists,
                sectors.size(),
                regions.size(),
                observed,
                empty);
    }
}
