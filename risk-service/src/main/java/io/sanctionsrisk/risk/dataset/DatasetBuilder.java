package io.sanctionsrisk.risk.dataset;

import io.sanctionsrisk.cadence.dates.DatedDataset;
import io.sanctionsrisk.cadence.dates.DatedEvent;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 *       least {@code risk.dataset.min-attribution-confidence} (unknown confidence is kept), dated by {@link
 *       #representativeDate} and placed by the model's same-day rule ({@link DatedDataset});
 *   <li>sanctions: weight = severity (1..5) at the effective date (the announcement when no effective date is
 *       known) for tightening measures; easing measures get weight 0 (listed, never adding pressure), and so do
 *       sanctions whose measures all appear in {@code risk.dataset.zero-weight-measures} (unset by default);
 *       sanctions before the window keep acting through their kernel, those after it are left out.
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
        List<DatedEvent> dated = new ArrayList<>(kept.size());
        for (IncidentRecord r : kept) {
            dated.add(new DatedEvent(representativeDate(r, axis), r.key()));
        }
        DatedDataset placed = DatedDataset.build(axis.start(), axis.endInclusive(), dated, List.of());
        Map<String, Double> timeByKey = new HashMap<>();
        double[] times = placed.data().eventTimes();
        for (int i = 0; i < times.length; i++) {
            timeByKey.put(placed.eventKeys().get(i), times[i]);
        }
        List<DatasetEvent> events = new ArrayList<>(kept.size());
        for (IncidentRecord r : kept) {
            events.add(new DatasetEvent(
                    r.key(),
                    r.firstActionDate(),
                    precision(r.datePrecision()),
                    timeByKey.get(r.key()),
                    r.sector(),
                    r.region(),
                    r.country(),
                    r.actor(),
                    r.attributionConfidence(),
                    r.attemptedUsd(),
                    r.realisedUsd(),
                    r.attributedOn()));
        }
        events.sort(Comparator.comparingDouble(DatasetEvent::time).thenComparing(DatasetEvent::key));

        java.util.Set<String> zeroWeight =
                new java.util.HashSet<>(config.dataset().zeroWeightMeasures().orElse(List.of()));
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
                List<String> measures = s.measures() == null ? List.of() : List.copyOf(s.measures());
                String rule = s.easing()
                        ? DatasetSanction.RULE_EASING
                        : !measures.isEmpty() && zeroWeight.containsAll(measures)
                                ? DatasetSanction.RULE_ZERO_WEIGHT_MEASURES
                                : DatasetSanction.RULE_SEVERITY;
                shocks.add(new DatasetSanction(
                        s.key(),
                        s.authority(),
                        date,
                        axis.dayOf(date),
                        severity,
                        rule.equals(DatasetSanction.RULE_SEVERITY) ? weight(severity) : 0.0,
                        s.easing() ? SanctionRecord.EASING : SanctionRecord.TIGHTENING,
                        measures,
                        rule));
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

    /**
     * The day the model dates an incident at: its date when known to the day; the middle day of its month or year
     * when known only to the month or year (the record stores the first day), kept inside the window. Same-day
     * incidents are then spread inside the day by the model's tie rule ({@link DatedDataset}).
     */
    static LocalDate representativeDate(IncidentRecord incident, TimeAxis axis) {
        LocalDate date = incident.firstActionDate();
        LocalDate middle = switch (precision(incident.datePrecision())) {
            case "month" -> date.withDayOfMonth(1).plusDays((date.lengthOfMonth() - 1) / 2);
            case "year" -> date.withDayOfYear(1).plusDays((date.lengthOfYear() - 1) / 2);
            default -> date;
        };
        if (middle.isBefore(axis.start())) {
            return axis.start();
        }
        return middle.isAfter(axis.endInclusive()) ? axis.endInclusive() : middle;
    }

    /** day, month or year; anything else (or nothing) is read as day. */
    static String precision(String code) {
        String p = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        return p.equals("month") || p.equals("year") ? p : "day";
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
