package io.sanctionsrisk.risk.dataset;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.Sanction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The model's input built from the sanctions-service's records: the observation window (dates, inclusive),
 * the heists placed on the time axis, the sanctions with their weights, what was left out, and the cell
 * vocabularies of the marks (every sector; every leaf region, i.e. every region a country maps to). Stored with
 * every snapshot so that the intensity curve can mark the very events the fit saw.
 */
public record ModelDataset(
        LocalDate windowStart,
        LocalDate windowEnd,
        double lengthDays,
        long dataVersion,
        Instant dataLastModified,
        List<DatasetEvent> events,
        List<DatasetSanction> sanctions,
        List<ExcludedRecord> excluded,
        List<String> sectors,
        List<String> regions) {

    public ModelDataset {
        events = List.copyOf(events);
        sanctions = List.copyOf(sanctions);
        excluded = List.copyOf(excluded);
        sectors = List.copyOf(sectors);
        regions = List.copyOf(regions);
    }

    /** The fitter's view: event times, and the sanctions with a positive weight. */
    public CadenceData toCadenceData() {
        double[] times = new double[events.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = events.get(i).time();
        }
        List<Sanction> shocks = new ArrayList<>();
        for (DatasetSanction s : sanctions) {
            if (s.weight() > 0) {
                shocks.add(new Sanction(s.time(), s.weight()));
            }
        }
        return CadenceData.of(lengthDays, times, shocks);
    }

    /** Sanctions that add pressure (weight > 0). */
    public long effectiveSanctionCount() {
        return sanctions.stream().filter(s -> s.weight() > 0).count();
    }
}
