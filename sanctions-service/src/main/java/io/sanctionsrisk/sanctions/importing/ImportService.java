package io.sanctionsrisk.sanctions.importing;

import io.micrometer.core.instrument.MeterRegistry;
import io.sanctionsrisk.sanctions.ActorData;
import io.sanctionsrisk.sanctions.AuditedEntity;
import io.sanctionsrisk.sanctions.Caller;
import io.sanctionsrisk.sanctions.Incident;
import io.sanctionsrisk.sanctions.IncidentData;
import io.sanctionsrisk.sanctions.SanctionData;
import io.sanctionsrisk.sanctions.SanctionEvent;
import io.sanctionsrisk.sanctions.ThreatActor;
import io.sanctionsrisk.sanctions.config.SanctionsConfig;
import io.sanctionsrisk.sanctions.history.ChangeHistory;
import io.sanctionsrisk.sanctions.history.HistoryChange;
import io.sanctionsrisk.sanctions.importing.ImportReport.Change;
import io.sanctionsrisk.sanctions.importing.ImportReport.Counts;
import io.sanctionsrisk.sanctions.persistence.IncidentRepository;
import io.sanctionsrisk.sanctions.persistence.KeyedRepository;
import io.sanctionsrisk.sanctions.persistence.SanctionEventRepository;
import io.sanctionsrisk.sanctions.persistence.TableStatistics;
import io.sanctionsrisk.sanctions.persistence.ThreatActorRepository;
import io.sanctionsrisk.sanctions.service.DataVersionService;
import io.sanctionsrisk.sanctions.service.RecordValidator;
import io.sanctionsrisk.sanctions.web.ApiProblem;
import io.sanctionsrisk.sanctions.web.ProblemType;
import io.sanctionsrisk.sanctions.web.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * Applies a batch read from a file: the same path for CSV, JSON, STIX and the seed files. Every record is
 * validated first; any problem rejects the whole file (422, every problem listed) and nothing is written.
 * A valid file is applied by natural key: new records are created, differing ones updated, identical ones left
 * alone. The data version goes up once if anything changed, in the same transaction.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    /** The format name of the batch an approved proposal writes. */
    public static final String REVIEW_FORMAT = "review";

    private final ThreatActorRepository actors;
    private final SanctionEventRepository sanctions;
    private final IncidentRepository incidents;
    private final RecordValidator validator;
    private final DataVersionService dataVersion;
    private final SanctionsConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final TableStatistics statistics;
    private final ChangeHistory history;

    public ImportService(
            ThreatActorRepository actors,
            SanctionEventRepository sanctions,
            IncidentRepository incidents,
            RecordValidator validator,
            DataVersionService dataVersion,
            SanctionsConfig config,
            Clock clock,
            MeterRegistry metrics,
            TableStatistics statistics,
            ChangeHistory history) {
        this.history = history;
        this.actors = actors;
        this.statistics = statistics;
        this.sanctions = sanctions;
        this.incidents = incidents;
        this.validator = validator;
        this.dataVersion = dataVersion;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** A record normalised and validated, with its place in the file. */
    private record Checked<T>(String ref, String key, T data) {}

    @Transactional
    public ImportReport apply(ImportBatch batch, boolean dryRun, Caller caller) {
        long started = System.nanoTime();
        // The import flushes itself, chunk by chunk; look-up queries need not flush first.
        actors.getEntityManager().setFlushMode(FlushModeType.COMMIT);
        List<Violation> problems = new ArrayList<>(batch.problems());
        Set<String> rejectedRefs = new HashSet<>();
        problems.forEach(problem -> rejectedRefs.add(problem.ref()));

        List<Checked<ActorData>> actorRecords = check(
                batch, batch.actors(), ActorData::normalized, ActorData::key, "actor", validator::validate, problems);
        Set<String> knownActors = new HashSet<>(actors.allKeys());
        actorRecords.forEach(record -> knownActors.add(record.key()));
        List<Checked<SanctionData>> sanctionRecords = check(
                batch,
                batch.sanctions(),
                SanctionData::normalized,
                SanctionData::key,
                "sanction",
                validator::validate,
                problems);
        List<Checked<IncidentData>> incidentRecords = check(
                batch,
                batch.incidents(),
                IncidentData::normalized,
                IncidentData::key,
                "incident",
                incident -> validator.validate(incident, knownActors::contains),
                problems);

        Counts received = new Counts(
                batch.actors().size(),
                batch.sanctions().size(),
                batch.incidents().size());
        if (!problems.isEmpty()) {
            problems.forEach(problem -> rejectedRefs.add(problem.ref()));
            metrics.counter("sanctions.imports", "format", batch.format(), "outcome", "rejected")
                    .increment();
            throw rejection(problems, rejectedRefs.size(), received);
        }

        long validated = System.nanoTime();
        Instant now = clock.instant();
        String via = via(batch, caller);
        List<Change> changes = new ArrayList<>();
        int[] actorCounts = write(
                actorRecords,
                "actor",
                actors,
                ThreatActor::new,
                ThreatActor::toData,
                ThreatActor::apply,
                ActorData::withoutVersion,
                dryRun,
                caller,
                now,
                via,
                changes);
        int[] sanctionCounts = write(
                sanctionRecords,
                "sanction",
                sanctions,
                SanctionEvent::new,
                SanctionEvent::toData,
                SanctionEvent::apply,
                SanctionData::withoutVersion,
                dryRun,
                caller,
                now,
                via,
                changes);
        int[] incidentCounts = write(
                incidentRecords,
                "incident",
                incidents,
                Incident::new,
                Incident::toData,
                Incident::apply,
                IncidentData::withoutVersion,
                dryRun,
                caller,
                now,
                via,
                changes);

        if (!dryRun) {
            refreshStatistics(actorCounts, "threat_actor", "threat_actor_alias");
            refreshStatistics(sanctionCounts, "sanction_event");
            refreshStatistics(incidentCounts, "incident");
        }
        Counts created = new Counts(actorCounts[0], sanctionCounts[0], incidentCounts[0]);
        Counts updated = new Counts(actorCounts[1], sanctionCounts[1], incidentCounts[1]);
        Counts unchanged = new Counts(actorCounts[2], sanctionCounts[2], incidentCounts[2]);
        long version;
        if (!dryRun && created.total() + updated.total() > 0) {
            version = dataVersion.increment(now).version();
        } else {
            version = dataVersion.current().version();
        }
        metrics.counter("sanctions.imports", "format", batch.format(), "outcome", dryRun ? "dry-run" : "applied")
                .increment();
        long written = System.nanoTime();
        LOG.infof(
                "Import (%s%s) of %d records: created %d, updated %d, unchanged %d; validated in %d ms, applied in %d ms",
                batch.format(),
                dryRun ? ", dry run" : "",
                received.total(),
                created.total(),
                updated.total(),
                unchanged.total(),
                (validated - started) / 1_000_000,
                (written - validated) / 1_000_000);
        metrics.counter("sanctions.imports.records", "format", batch.format()).increment(received.total());
        int limit = config.imports().maxListedChanges();
        List<Change> listed = changes.size() > limit ? List.copyOf(changes.subList(0, limit)) : changes;
        return new ImportReport(
                batch.format(),
                dryRun,
                received,
                created,
                updated,
                unchanged,
                0,
                new LinkedHashMap<>(batch.skipped()),
                new LinkedHashMap<>(batch.ignored()),
                listed,
                changes.size() - listed.size(),
                version);
    }

    private <T> List<Checked<T>> check(
            ImportBatch batch,
            List<ImportBatch.Item<T>> items,
            UnaryOperator<T> normalize,
            Function<T, String> keyOf,
            String kind,
            Function<T, List<Violation>> validate,
            List<Violation> problems) {
        List<Checked<T>> checked = new ArrayList<>(items.size());
        Map<String, String> firstRef = new HashMap<>();
        for (ImportBatch.Item<T> item : items) {
            T data = normalize.apply(item.data());
            String key = keyOf.apply(data);
            for (Violation violation : validate.apply(data)) {
                problems.add(
                        new Violation(item.ref(), kind, key, batch.fieldName(violation.field()), violation.message()));
            }
            if (key != null) {
                String first = firstRef.putIfAbsent(key, item.ref());
                if (first != null) {
                    problems.add(new Violation(
                            item.ref(),
                            kind,
                            key,
                            batch.fieldName("key"),
                            "duplicate key '" + key + "' in the file (first at " + first + ")"));
                }
            }
            checked.add(new Checked<>(item.ref(), key, data));
        }
        return checked;
    }

    /**
     * Creates, updates or leaves each record of one kind. First it asks which keys are stored, before anything
     * is written, so the look-ups run against the table as it was. Then it compares and updates the stored
     * records and persists the new ones (JDBC batch inserts), a chunk of {@code sanctions.imports.flush-every}
     * at a time, flushing and clearing the persistence context after each chunk: memory and flush cost stay
     * bounded whatever the file's size.
     *
     * @return created, updated and unchanged counts
     */
    private <T, E extends AuditedEntity> int[] write(
            List<Checked<T>> records,
            String kind,
            KeyedRepository<E> repository,
            Function<String, E> create,
            Function<E, T> toData,
            BiConsumer<E, T> apply,
            UnaryOperator<T> withoutVersion,
            boolean dryRun,
            Caller caller,
            Instant now,
            String via,
            List<Change> changes) {
        int[] counts = new int[3];
        if (records.isEmpty()) {
            return counts;
        }
        EntityManager em = repository.getEntityManager();
        int chunkSize = config.imports().flushEvery();
        Set<String> keys = new LinkedHashSet<>();
        records.forEach(record -> keys.add(record.key()));
        Set<String> stored = repository.existingKeys(keys);
        List<HistoryChange> recorded = new ArrayList<>();
        List<Checked<T>> known =
                records.stream().filter(record -> stored.contains(record.key())).toList();
        List<Checked<T>> fresh = records.stream()
                .filter(record -> !stored.contains(record.key()))
                .toList();
        for (int start = 0; start < known.size(); start += chunkSize) {
            List<Checked<T>> chunk = known.subList(start, Math.min(known.size(), start + chunkSize));
            Set<String> chunkKeys = new LinkedHashSet<>();
            chunk.forEach(record -> chunkKeys.add(record.key()));
            Map<String, E> existing = repository.findByKeys(chunkKeys);
            for (Checked<T> record : chunk) {
                T data = withoutVersion.apply(record.data());
                E entity = existing.get(record.key());
                T before = toData.apply(entity);
                if (before.equals(data)) {
                    counts[2]++;
                    continue;
                }
                counts[1]++;
                changes.add(new Change(kind, record.key(), "updated", record.ref()));
                if (!dryRun) {
                    apply.accept(entity, data);
                    entity.markUpdated(caller, now);
                    recorded.add(HistoryChange.updated(kind, record.key(), before, toData.apply(entity)));
                }
            }
            if (!dryRun) {
                em.flush();
                keepHistory(recorded, caller, now, via);
            }
            em.clear();
        }
        for (Checked<T> record : fresh) {
            counts[0]++;
            changes.add(new Change(kind, record.key(), "created", record.ref()));
            if (dryRun) {
                continue;
            }
            E entity = create.apply(record.key());
            apply.accept(entity, withoutVersion.apply(record.data()));
            entity.markCreated(caller, now);
            repository.persist(entity);
            recorded.add(HistoryChange.created(kind, record.key(), toData.apply(entity)));
            if (counts[0] % chunkSize == 0) {
                em.flush();
                keepHistory(recorded, caller, now, via);
                em.clear();
            }
        }
        if (!dryRun) {
            em.flush();
            keepHistory(recorded, caller, now, via);
        }
        em.clear();
        return counts;
    }

    /**
     * Writes the history of the changes made so far, stamped with the data version this transaction commits as
     * (asking for it takes the data-version lock at the first change).
     */
    private void keepHistory(List<HistoryChange> recorded, Caller caller, Instant now, String via) {
        if (recorded.isEmpty()) {
            return;
        }
        history.record(caller, now, dataVersion.thisTransaction(), via, recorded);
        recorded.clear();
    }

    /** How a batch reached the data, as the history names it. */
    private static String via(ImportBatch batch, Caller caller) {
        if (Caller.SEED.equals(caller)) {
            return ChangeHistory.VIA_SEED;
        }
        return REVIEW_FORMAT.equals(batch.format()) ? ChangeHistory.VIA_REVIEW : ChangeHistory.VIA_IMPORT;
    }

    /** After a bulk change, fresh planner statistics (see {@link TableStatistics}). */
    private void refreshStatistics(int[] counts, String... tables) {
        if (counts[0] + counts[1] >= config.imports().analyzeAfter()) {
            for (String table : tables) {
                statistics.refresh(table);
            }
        }
    }

    private ApiProblem rejection(List<Violation> problems, int rejectedRecords, Counts received) {
        int limit = config.imports().maxListedProblems();
        List<Violation> listed = problems.size() > limit ? problems.subList(0, limit) : problems;
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("received", received);
        extensions.put("rejected", rejectedRecords);
        extensions.put("problemCount", problems.size());
        extensions.put("problemsNotListed", problems.size() - listed.size());
        Violation first = problems.get(0);
        String detail = "the file was rejected and nothing was written: " + problems.size() + " problem(s) in "
                + rejectedRecords + " record(s); first: " + (first.ref() == null ? "" : first.ref() + ", ")
                + (first.field() == null ? "" : first.field() + ": ") + first.message();
        return new ApiProblem(ProblemType.IMPORT_REJECTED, detail, listed, extensions);
    }
}
