package io.sanctionsrisk.sanctions.service;

import io.sanctionsrisk.sanctions.ActorData;
import io.sanctionsrisk.sanctions.Caller;
import io.sanctionsrisk.sanctions.ThreatActor;
import io.sanctionsrisk.sanctions.dto.ActorView;
import io.sanctionsrisk.sanctions.dto.Page;
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

/** Reads and single writes of threat actors. */
@ApplicationScoped
public class ActorService {

    static final String KIND = "actor";

    private final ThreatActorRepository repository;
    private final IncidentRepository incidents;
    private final RecordValidator validator;
    private final DataVersionService dataVersion;
    private final Clock clock;
    private final ChangeHistory history;

    public ActorService(
            ThreatActorRepository repository,
            IncidentRepository incidents,
            RecordValidator validator,
            DataVersionService dataVersion,
            Clock clock,
            ChangeHistory history) {
        this.history = history;
        this.repository = repository;
        this.incidents = incidents;
        this.validator = validator;
        this.dataVersion = dataVersion;
        this.clock = clock;
    }

    public Page<ActorView> list(int page, int size) {
        List<ActorView> items =
                repository.listPage(page, size).stream().map(ActorView::of).toList();
        return Page.of(items, page, size, repository.count());
    }

    public ActorView get(String key) {
        return ActorView.of(find(key));
    }

    @Transactional
    public ActorView create(ActorData input, Caller caller) {
        ActorData data = checked(input.normalized());
        if (repository.existsByKey(data.key())) {
            throw new ApiProblem(ProblemType.CONFLICT, "an actor with key '" + data.key() + "' already exists");
        }
        Instant now = clock.instant();
        ThreatActor actor = new ThreatActor(data.key());
        actor.apply(data);
        actor.markCreated(caller, now);
        repository.persistAndFlush(actor);
        long version = dataVersion.increment(now).version();
        history.record(
                caller, now, version, ChangeHistory.VIA_API, HistoryChange.created(KIND, data.key(), actor.toData()));
        return ActorView.of(actor);
    }

    @Transactional
    public ActorView update(String key, ActorData input, String ifMatch, Caller caller) {
        ActorData normalized = input.normalized();
        if (normalized.key() != null && !normalized.key().equals(key)) {
            throw ApiProblem.invalid(List.of(Violation.of(
                    "key",
                    "the body's key '" + normalized.key() + "' differs from the path's '" + key
                            + "'; keys cannot change")));
        }
        ActorData data = checked(new ActorData(
                key,
                normalized.name(),
                normalized.aliases(),
                normalized.description(),
                normalized.source(),
                normalized.sourceUrl(),
                normalized.version()));
        ThreatActor actor = find(key);
        Preconditions.check(actor, KIND, key, data.version(), ifMatch, true);
        if (actor.toData().equals(data.withoutVersion())) {
            return ActorView.of(actor);
        }
        Instant now = clock.instant();
        Object before = actor.toData();
        actor.apply(data);
        actor.markUpdated(caller, now);
        repository.flush();
        long version = dataVersion.increment(now).version();
        history.record(
                caller, now, version, ChangeHistory.VIA_API, HistoryChange.updated(KIND, key, before, actor.toData()));
        return ActorView.of(actor);
    }

    /** An actor that incidents are attributed to cannot be deleted (409): those incidents would dangle. */
    @Transactional
    public void delete(String key, String ifMatch, Caller caller) {
        ThreatActor actor = find(key);
        Preconditions.check(actor, KIND, key, null, ifMatch, false);
        long attributed = incidents.countByActor(key);
        if (attributed > 0) {
            throw new ApiProblem(
                    ProblemType.CONFLICT,
                    "actor '" + key + "' is named by " + attributed
                            + " incident(s); re-attribute or delete them first");
        }
        Object before = actor.toData();
        repository.delete(actor);
        repository.flush();
        Instant now = clock.instant();
        long version = dataVersion.increment(now).version();
        history.record(caller, now, version, ChangeHistory.VIA_API, HistoryChange.deleted(KIND, key, before));
    }

    private ThreatActor find(String key) {
        return repository.findByKey(key).orElseThrow(() -> ApiProblem.notFound(KIND, key));
    }

    private ActorData checked(ActorData data) {
        List<Violation> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        return data;
    }
}
