package io.sanctionsrisk.risk.dataset;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.Sanction;
import io.sanctionsrisk.cadence.marks.Cell;
import io.sanctionsrisk.cadence.marks.MarkedEvent;
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

    /**
     * The heists with their marks for the mark model and the cell backtest: cell (null when the sector or region
     * is unknown), amounts (NaN when unknown), and the time from which each was known ({@link
     * DatasetEvent#knownFrom}). With {@code asOfNow} every heist is known by the window end, as the data are read
     * now (the served marks); otherwise an attribution after the window end keeps its date (the backtests).
     */
    public List<MarkedEvent> markedEvents(boolean asOfNow) {
        List<MarkedEvent> out = new ArrayList<>(events.size());
        for (DatasetEvent e : events) {
            Cell cell = e.sector() != null && e.region() != null ? new Cell(e.sector(), e.region()) : null;
            double known = e.knownFrom(windowStart);
            if (asOfNow) {
                known = Math.max(e.time(), Math.min(known, lengthDays));
            }
            out.add(new MarkedEvent(e.time(), known, cell, usd(e.attemptedUsd()), usd(e.realisedUsd())));
        }
        return List.copyOf(out);
    }

    private static double usd(Long amount) {
        return amount == null ? Double.NaN : amount;
    }

    /** Sanctions that add pressure (weight > 0). */
    public long effectiveSanctionCount() {
        return sanctions.stream().filter(s -> s.weight() > 0).count();
    }
}
