package io.sanctionsrisk.risk.refit;

import io.sanctionsrisk.cadence.marks.Cell;
import io.sanctionsrisk.cadence.marks.CellShare;
import io.sanctionsrisk.cadence.marks.CellShareModel;
import io.sanctionsrisk.cadence.marks.LognormalSeverity;
import io.sanctionsrisk.risk.dataset.DatasetEvent;
import io.sanctionsrisk.risk.dataset.ModelDataset;
import io.sanctionsrisk.risk.snapshot.MarksView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The marks of a snapshot, by the model's mark estimators: Dirichlet-multinomial cell shares over every sector and
 * every leaf region (the model's default prior: one pseudo-heist spread evenly over the cells; 90% intervals), and
 * lognormal severities fitted separately to the attempted and the realised amounts (unknown amounts left out).
 */
@ApplicationScoped
public class MarksService {

    static final double CREDIBLE_LEVEL = 0.90;

    public MarksView marks(ModelDataset dataset) {
        return new MarksView(
                cells(dataset),
                MarksView.Severity.of(LognormalSeverity.fit(amounts(dataset.events(), DatasetEvent::attemptedUsd))),
                MarksView.Severity.of(LognormalSeverity.fit(amounts(dataset.events(), DatasetEvent::realisedUsd))));
    }

    private static MarksView.Cells cells(ModelDataset dataset) {
        TreeSet<String> sectors = new TreeSet<>(dataset.sectors());
        TreeSet<String> regions = new TreeSet<>(dataset.regions());
        Map<Cell, Long> counts = new TreeMap<>();
        for (DatasetEvent e : dataset.events()) {
            if (e.sector() != null && e.region() != null) {
                sectors.add(e.sector());
                regions.add(e.region());
                counts.merge(new Cell(e.sector(), e.region()), 1L, Long::sum);
            }
        }
        if (sectors.isEmpty() || regions.isEmpty()) {
            return new MarksView.Cells(
                    "no sector or region known: no cell shares",
                    CellShareModel.DEFAULT_CONCENTRATION,
                    CREDIBLE_LEVEL,
                    0,
                    sectors.size(),
                    regions.size(),
                    List.of(),
                    null);
        }
        List<Cell> grid = new ArrayList<>(sectors.size() * regions.size());
        for (String sector : sectors) {
            for (String region : regions) {
                grid.add(new Cell(sector, region));
            }
        }
        List<CellShare> shares =
                CellShareModel.posterior(grid, counts, CellShareModel.DEFAULT_CONCENTRATION, null, CREDIBLE_LEVEL);
        List<MarksView.Cell> observed = new ArrayList<>();
        MarksView.Cell empty = null;
        for (CellShare share : shares) {
            if (share.count() > 0) {
                observed.add(MarksView.Cell.of(share, true));
            } else if (empty == null) {
                empty = MarksView.Cell.of(share, false);
            }
        }
        observed.sort(Comparator.comparingDouble(MarksView.Cell::share)
                .reversed()
                .thenComparing(MarksView.Cell::sector)
                .thenComparing(MarksView.Cell::region));
        long heists = counts.values().stream().mapToLong(Long::longValue).sum();
        return new MarksView.Cells(
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

    private static double[] amounts(List<DatasetEvent> events, Function<DatasetEvent, Long> amount) {
        return events.stream()
                .map(amount)
                .filter(a -> a != null && a >= 0)
                .mapToDouble(Long::doubleValue)
                .toArray();
    }
}
