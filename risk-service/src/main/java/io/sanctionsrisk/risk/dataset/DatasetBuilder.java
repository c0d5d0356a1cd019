package io.sanctionsrisk.risk.dataset;

import io.sanctionsrisk.risk.config.RiskConfig;
import io.sanctionsrisk.risk.sanctions.IncidentRecord;
import io.sanctionsrisk.risk.sanctions.SanctionRecord;
import io.sanctionsrisk.risk.sanctions.SanctionsData;
import io.sanctionsrisk.risk.sanctions.TaxonomyRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns the sanctions-service's records into the model's input, by rules that depend on the records and the
 * configuration only (documented in the risk-service README):
 *
 * <ul>
 *   <li>window: {@code risk.dataset.window-start} or 1 January of the earliest incident's year, to {@code
 *       risk.dataset.window-end} or the last day of the month of the latest dated record;
 *   <li>heists: every incident with a first-action date inside the window and an attribution confidence of at
 *       least {@code risk.dataset.min-attribution-confidence} (unknown confidence is kept), placed by {@link
 *       TimeAxis};
 *   <li>sanctions: weight = severity (1..5) at the effective date (the announcement when no effective date is
 *       known) for tightening measures; easing measures get weight 0 (listed, never adding pressure); sanctions
 *       before the window keep acting through their kernel, those after it are left out.
 * </ul>
 */
@ApplicationScoped
public class DatasetBuilder {

    private final RiskConfig config;

    public DatasetBuilder(RiskConfig config) {
        this.config = config;
    }

    /** Throws UnfittableDataException when no window can be formed (no dated incident). */
    public ModelDataset build(SanctionsData data) {
        List<IncidentRecord> incidents = new ArrayList<>(data.incidents());
        incidents.sort(Comparator.comparing(IncidentRecord::key, Comparator.nullsLast(Comparator.naturalOrder())));
        List<SanctionRecord> sanctions = new ArrayList<>(data.sanctions());
        sanctions.sort(Comparator.comparing(SanctionRecord::key, Comparator.nullsLast(Comparator.naturalOrder())));

        TimeAxis axis = window(incidents, sanctions);
        List<ExcludedRecord> excluded = new ArrayList<>();
        List<IncidentRecord> kept = new ArrayList<>();
        int minConfidence = config.dataset().minAttributionConfidence();
        for (IncidentRecord incident : incidents) {
            LocalDate date = incident.firstActionDate();
            if (date == null) {
                excluded.add(new ExcludedRecord("incident", incident.key(), "no first-action date"));
            } else if (date.isBefore(axis.start())) {
                excluded.add(new ExcludedRecord("incident", incident.key(), "before the window start " + axis.start()));
            } else if (date.isAfter(axis.endInclusive())) {
                excluded.add(
                        new ExcludedRecord("incident", incident.key(), "after the window end " + axis.endInclusive()));
            } else if (incident.attributionConfidence() != null && incident.attributionConfidence() < minConfidence) {
                excluded.add(new ExcludedRecord(
                        "incident",
                        incident.key(),
                        "attribution confidence " + incident.attributionConfidence() + " below " + minConfidence));
            } else {
                kept.add(incident);
            }
        }
        if (kept.isEmpty()) {
            throw new UnfittableDataException(
                    "no incident lies in the window " + axis.start() + ".." + axis.endInclusive() + "; nothing to fit");
        }
        double[] times = axis.place(
                kept,
                IncidentRecord::firstActionDate,
                i -> TimeAxis.Precision.of(i.datePrecision()),
                IncidentRecord::key);
        List<DatasetEvent> events = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            IncidentRecord r = kept.get(i);
            events.add(new DatasetEvent(
                    r.key(),
                    r.firstActionDate(),
                    TimeAxis.Precision.of(r.datePrecision()).name().toLowerCase(java.util.Locale.ROOT),
                    times[i],
                    r.sector(),
                    r.region(),
                    r.country(),
                    r.actor(),
                    r.attributionConfidence(),
                    r.attemptedUsd(),
                    r.realisedUsd()));
        }
        events.sort(Comparator.comparingDouble(DatasetEvent::time).thenComparing(DatasetEvent::key));

        List<DatasetSanction> shocks = new ArrayList<>();
        for (SanctionRecord s : sanctions) {
            LocalDate date = s.actingDate();
            Integer severity = s.severity();
            if (date == null) {
                excluded.add(new ExcludedRecord("sanction", s.key(), "no effective or announcement date"));
            } else if (severity == null || severity < 1 || severity > 5) {
                excluded.add(new ExcludedRecord("sanction", s.key(), "severity " + severity + " outside 1..5"));
            } else if (date.isAfter(axis.endInclusive())) {
                excluded.add(new ExcludedRecord("sanction", s.key(), "after the window end " + axis.endInclusive()));
            } else {
                boolean easing = s.easing();
                shocks.add(new DatasetSanction(
                        s.key(),
                        s.authority(),
                        date,
                        axis.dayOf(date),
                        severity,
                        easing ? 0.0 : weight(severity),
                        easing ? SanctionRecord.EASING : SanctionRecord.TIGHTENING));
            }
        }
        shocks.sort(Comparator.comparingDouble(DatasetSanction::time).thenComparing(DatasetSanction::key));
        java.util.TreeSet<String> sectorCodes = new java.util.TreeSet<>();
        data.sectors().stream()
                .map(TaxonomyRecord::code)
                .filter(Objects::nonNull)
                .forEach(sectorCodes::add);
        java.util.Set<String> parents = new java.util.HashSet<>();
        data.regions().stream()
                .map(TaxonomyRecord::parentCode)
                .filter(Objects::nonNull)
                .forEach(parents::add);
        java.util.TreeSet<String> leafRegions = new java.util.TreeSet<>();
        data.regions().stream()
                .map(TaxonomyRecord::code)
                .filter(code -> code != null && !parents.contains(code))
                .forEach(leafRegions::add);
        for (DatasetEvent e : events) { // a heist always has a cell, even if the vocabulary missed it
            if (e.sector() != null) {
                sectorCodes.add(e.sector());
            }
            if (e.region() != null) {
                leafRegions.add(e.region());
            }
        }
        return new ModelDataset(
                axis.start(),
                axis.endInclusive(),
                axis.lengthDays(),
                data.dataVersion(),
                data.lastModified(),
                events,
                shocks,
                excluded,
                List.copyOf(sectorCodes),
                List.copyOf(leafRegions));
    }

    /** Sanction weight w_j from the severity: the severity itself (1..5). */
    public static double weight(int severity) {
        return severity;
    }

    private TimeAxis window(List<IncidentRecord> incidents, List<SanctionRecord> sanctions) {
        Optional<LocalDate> earliest = incidents.stream()
                .map(IncidentRecord::firstActionDate)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder());
        Optional<LocalDate> latest = java.util.stream.Stream.concat(
                        incidents.stream().map(IncidentRecord::firstActionDate),
                        sanctions.stream().map(SanctionRecord::actingDate))
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder());
        LocalDate start = config.dataset()
                .windowStart()
                .or(() -> earliest.map(d -> d.withDayOfYear(1)))
                .orElseThrow(() -> new UnfittableDataException("the sanctions-service holds no dated incident"));
        LocalDate end = config.dataset()
                .windowEnd()
                .or(() -> latest.map(d -> d.with(TemporalAdjusters.lastDayOfMonth())))
                .orElseThrow(() -> new UnfittableDataException("the sanctions-service holds no dated record"));
        if (end.isBefore(start)) {
            throw new UnfittableDataException("the window end " + end + " is before its start " + start);
        }
        return new TimeAxis(start, end);
    }
}
