package io.sanctionsrisk.sanctions.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.sanctionsrisk.sanctions.Caller;
import io.sanctionsrisk.sanctions.SanctionData;
import io.sanctionsrisk.sanctions.SanctionEvent;
import io.sanctionsrisk.sanctions.dto.Page;
import io.sanctionsrisk.sanctions.dto.SanctionView;
import io.sanctionsrisk.sanctions.history.ChangeHistory;
import io.sanctionsrisk.sanctions.history.HistoryChange;
import io.sanctionsrisk.sanctions.persistence.SanctionEventRepository;
import io.sanctionsrisk.sanctions.web.ApiProblem;
import io.sanctionsrisk.sanctions.web.ProblemType;
import io.sanctionsrisk.sanctions.web.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Reads and single writes of sanctions events. */
@ApplicationScoped
public class SanctionService {

    static final String KIND = "sanction";

    private final SanctionEventRepository repository;
    private final RecordValidator validator;
    private final DataVersionService dataVersion;
    private final VersionedCache cache;
    private final Clock clock;
    private final ChangeHistory history;

    public SanctionService(
            SanctionEventRepository repository,
            RecordValidator validator,
            DataVersionService dataVersion,
            VersionedCache cache,
            Clock clock,
            ChangeHistory history) {
        this.history = history;
        this.repository = repository;
        this.cache = cache;
        this.validator = validator;
        this.dataVersion = dataVersion;
        this.clock = clock;
    }

    /**
     * @param dataVersion the data version the answer is tagged with; the total is cached for it
     */
    public Page<SanctionView> list(SanctionEventRepository.Filter filter, int page, int size, long dataVersion) {
        PanacheQuery<SanctionEvent> query = repository.search(filter);
        List<SanctionView> items =
                query.page(page, size).list().stream().map(SanctionView::of).toList();
        return Page.of(items, page, size, cache.get(dataVersion, filter, query::count));
    }

    public SanctionView get(String key) {
        return SanctionView.of(find(key));
    }

    @Transactional
    public SanctionView create(SanctionData input, Caller caller) {
        SanctionData data = checked(input.normalized());
        if (repository.existsByKey(data.key())) {
            throw new ApiProblem(ProblemType.CONFLICT, "a sanction with key '" + data.key() + "' already exists");
        }
        Instant now = clock.instant();
        SanctionEvent event = new SanctionEvent(data.key());
        event.apply(data);
        event.markCreated(caller, now);
        repository.persistAndFlush(event);
        long version = dataVersion.increment(now).version();
        history.record(
                caller, now, version, ChangeHistory.VIA_API, HistoryChange.created(KIND, data.key(), event.toData()));
        return SanctionView.of(event);
    }

    /** Applies the change if the data differs; an identical body changes nothing, not even the data version. */
    @Transactional
    public SanctionView update(String key, SanctionData input, String ifMatch, Caller caller) {
        SanctionData data = checked(withPathKey(key, input.normalized()));
        SanctionEvent event = find(key);
        Preconditions.check(event, KIND, key, data.version(), ifMatch, true);
        if (event.toData().equals(data.withoutVersion())) {
            return SanctionView.of(event);
        }
        Instant now = clock.instant();
        Object before = event.toData();
        event.apply(data);
        event.markUpdated(caller, now);
        repository.flush();
        long version = dataVersion.increment(now).version();
        history.record(
                caller, now, version, ChangeHistory.VIA_API, HistoryChange.updated(KIND, key, before, event.toData()));
        return SanctionView.of(event);
    }

    @Transactional
    public void delete(String key, String ifMatch, Caller caller) {
        SanctionEvent event = find(key);
        Preconditions.check(event, KIND, key, null, ifMatch, false);
        Object before = event.toData();
        repository.delete(event);
        repository.flush();
        Instant now = clock.instant();
        long version = dataVersion.increment(now).version();
        history.record(caller, now, version, ChangeHistory.VIA_API, HistoryChange.deleted(KIND, key, before));
    }

    private SanctionEvent find(String key) {
        return repository.findByKey(key).orElseThrow(() -> ApiProblem.notFound(KIND, key));
    }

    private SanctionData checked(SanctionData data) {
        List<Violation> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        return data;
    }

    private static SanctionData withPathKey(String key, SanctionData data) {
        if (data.key() != null && !data.key().equals(key)) {
            throw ApiProblem.invalid(List.of(Violation.of(
                    "key",
                    "the body's key '" + data.key() + "' differs from the path's '" + key + "'; keys cannot change")));
        }
        return new SanctionData(
                key,
                data.authority(),
                data.title(),
                data.targetJurisdiction(),
                data.announcedDate(),
                data.effectiveDate(),
                data.measures(),
                data.direction(),
                data.severityOverride(),
                data.severityOverrideReason(),
                data.note(),
                data.source(),
                data.sourceUrl(),
                data.version());
    }
}
