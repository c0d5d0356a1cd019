package io.sanctionsrisk.sanctions.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.sanctionsrisk.sanctions.Caller;
import io.sanctionsrisk.sanctions.Incident;
import io.sanctionsrisk.sanctions.IncidentData;
import io.sanctionsrisk.sanctions.dto.CursorPage;
import io.sanctionsrisk.sanctions.dto.IncidentView;
import io.sanctionsrisk.sanctions.history.ChangeHistory;
import io.sanctionsrisk.sanctions.history.HistoryChange;
import io.sanctionsrisk.sanctions.persistence.IncidentRepository;
import io.sanctionsrisk.sanctions.persistence.ThreatActorRepository;
import io.sanctionsrisk.sanctions.web.ApiProblem;
import io.sanctionsrisk.sanctions.web.ProblemType;
import io.sanctionsrisk.sanctions.web.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Reads and single writes of heist incidents. */
@ApplicationScoped
public class IncidentService {

    static final String KIND = "incident";

    private final IncidentRepository repository;
    private final ThreatActorRepository actors;
    private final RecordValidator validator;
    private final TaxonomyService taxonomy;
    private final DataVersionService dataVersion;
    private final VersionedCache cache;
    private final Clock clock;
    private final ChangeHistory history;

    public IncidentService(
            IncidentRepository repository,
            ThreatActorRepository actors,
            RecordValidator validator,
            TaxonomyService taxonomy,
            DataVersionService dataVersion,
            VersionedCache cache,
            Clock clock,
            ChangeHistory history) {
        this.history = history;
        this.repository = repository;
        this.cache = cache;
        this.actors = actors;
        this.validator = validator;
        this.taxonomy = taxonomy;
        this.dataVersion = dataVersion;
        this.clock = clock;
    }

    /**
     * A page by number (offset paging).
     *
     * @param dataVersion the data version the answer is tagged with; the total is cached for it
     */
    public CursorPage<IncidentView> list(
            IncidentRepository.Filter filter, IncidentRepository.Order order, int page, int size, long dataVersion) {
        PanacheQuery<Incident> query = repository.search(filter, order.sort());
        int first = page * size;
        // One row more than the page tells whether a next page exists (capped where the int range ends).
        List<Incident> rows = query.range(first, (int) Math.min(Integer.MAX_VALUE, (long) first + size))
                .list();
        return page(rows, filter, order, page, size, total(filter, query, dataVersion));
    }

    /**
     * The page after a cursor's place (keyset paging): same filters and order, found through an index, so its
     * cost does not grow with its depth.
     */
    public CursorPage<IncidentView> listAfter(
            IncidentRepository.Filter filter,
            IncidentRepository.Order order,
            IncidentRepository.Position after,
            int size,
            long dataVersion) {
        List<Incident> rows = repository.after(filter, order, after, size + 1);
        return page(
                rows, filter, order, null, size, total(filter, repository.search(filter, order.sort()), dataVersion));
    }

    private long total(IncidentRepository.Filter filter, PanacheQuery<Incident> query, long dataVersion) {
        return cache.get(dataVersion, filter, query::count);
    }

    private CursorPage<IncidentView> page(
            List<Incident> rows,
            IncidentRepository.Filter filter,
            IncidentRepository.Order order,
            Integer page,
            int size,
            long total) {
        List<Incident> shown = rows.size() > size ? rows.subList(0, size) : rows;
        String next = rows.size() > size ? IncidentCursor.after(shown.get(size - 1), order, filter) : null;
        TaxonomyService.Snapshot snapshot = taxonomy.snapshot();
        List<IncidentView> items = shown.stream()
                .map(incident -> IncidentView.of(incident, snapshot.regionOf(incident.getCountryCode())))
                .toList();
        return CursorPage.of(items, page, size, total, next);
    }

    public IncidentView get(String key) {
        return view(find(key));
    }

    @Transactional
    public IncidentView create(IncidentData input, Caller caller) {
        IncidentData data = checked(input.normalized());
        if (repository.existsByKey(data.key())) {
            throw new ApiProblem(ProblemType.CONFLICT, "an incident with key '" + data.key() + "' already exists");
        }
        Instant now = clock.instant();
        Incident incident = new Incident(data.key());
        incident.apply(data);
        incident.markCreated(caller, now);
        repository.persistAndFlush(incident);
        long version = dataVersion.increment(now).version();
        history.record(
                caller,
                now,
                version,
                ChangeHistory.VIA_API,
                HistoryChange.created(KIND, data.key(), incident.toData()));
        return view(incident);
    }

    @Transactional
    public IncidentView update(String key, IncidentData input, String ifMatch, Caller caller) {
        IncidentData data = checked(withPathKey(key, input.normalized()));
        Incident incident = find(key);
        Preconditions.check(incident, KIND, key, data.version(), ifMatch, true);
        if (incident.toData().equals(data.withoutVersion())) {
            return view(incident);
        }
        Instant now = clock.instant();
        Object before = incident.toData();
        incident.apply(data);
        incident.markUpdated(caller, now);
        repository.flush();
        long version = dataVersion.increment(now).version();
        history.record(
                caller,
                now,
                version,
                ChangeHistory.VIA_API,
                HistoryChange.updated(KIND, key, before, incident.toData()));
        return view(incident);
    }

    @Transactional
    public void delete(String key, String ifMatch, Caller caller) {
        Incident incident = find(key);
        Preconditions.check(incident, KIND, key, null, ifMatch, false);
        Object before = incident.toData();
        repository.delete(incident);
        repository.flush();
        Instant now = clock.instant();
        long version = dataVersion.increment(now).version();
        history.record(caller, now, version, ChangeHistory.VIA_API, HistoryChange.deleted(KIND, key, before));
    }

    private IncidentView view(Incident incident) {
        return IncidentView.of(incident, taxonomy.snapshot().regionOf(incident.getCountryCode()));
    }

    private Incident find(String key) {
        return repository.findByKey(key).orElseThrow(() -> ApiProblem.notFound(KIND, key));
    }

    private IncidentData checked(IncidentData data) {
        List<Violation> violations = validator.validate(data, actors::existsByKey);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        return data;
    }

    private static IncidentData withPathKey(String key, IncidentData data) {
        if (data.key() != null && !data.key().equals(key)) {
            throw ApiProblem.invalid(List.of(Violation.of(
                    "key",
                    "the body's key '" + data.key() + "' differs from the path's '" + key + "'; keys cannot change")));
        }
        return data.withKey(key);
    }
}
