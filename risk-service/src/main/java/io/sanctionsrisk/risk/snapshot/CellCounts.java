package io.sanctionsrisk.risk.snapshot;

import io.sanctionsrisk.cadence.marks.Cell;
import io.sanctionsrisk.risk.dataset.DatasetEvent;
import io.sanctionsrisk.risk.dataset.ModelDataset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The one rule for the sector x region grid of a snapshot and for its loss amounts, shared by the stored marks,
 * the scores and the scenarios: every sector and leaf region of the dataset, plus any an event names, in their
 * natural order; heists counted per cell where both are known. The grid is empty when no sector or no region is
 * known; each answer says so in its own way (no cell shares, a 503 for scores, totals only for scenarios).
 */
public record CellCounts(List<String> sectors, List<String> regions, Map<Cell, Long> counts) {

    public CellCounts {
        sectors = List.copyOf(sectors);
        regions = List.copyOf(regions);
        counts = Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    public static CellCounts of(ModelDataset dataset) {
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
        return new CellCounts(new ArrayList<>(sectors), new ArrayList<>(regions), counts);
    }

    public boolean isEmpty() {
        return sectors.isEmpty() || regions.isEmpty();
    }

    /** The cells, sector-major. */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>(sectors.size() * regions.size());
        for (String sector : sectors) {
            for (String region : regions) {
                cells.add(new Cell(sector, region));
            }
        }
        return cells;
    }

    public long heists() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The known amounts of the dataset's heists (attempted or realised); unknown and negative amounts left out. */
    public static double[] amounts(ModelDataset dataset, boolean attempted) {
        Function<DatasetEvent, Long> amount = attempted ? DatasetEvent::attemptedUsd : DatasetEvent::realisedUsd;
        return dataset.events().stream()
                .map(amount)
                .filter(a -> a != null && a >= 0)
                .mapToDouble(Long::doubleValue)
                .toArray();
    }
}
