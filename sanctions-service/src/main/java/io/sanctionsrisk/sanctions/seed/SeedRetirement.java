package io.sanctionsrisk.sanctions.seed;

import io.sanctionsrisk.sanctions.ActorData;
import io.sanctionsrisk.sanctions.AuditedEntity;
import io.sanctionsrisk.sanctions.Caller;
import io.sanctionsrisk.sanctions.Incident;
import io.sanctionsrisk.sanctions.IncidentData;
import io.sanctionsrisk.sanctions.SanctionData;
import io.sanctionsrisk.sanctions.SanctionEvent;
import io.sanctionsrisk.sanctions.ThreatActor;
import io.sanctionsrisk.sanctions.history.ChangeHistory;
import io.sanctionsrisk.sanctions.history.HistoryChange;
import io.sanctionsrisk.sanctions.importing.ImportBatch;
import io.sanctionsrisk.sanctions.persistence.IncidentRepository;
import io.sanctionsrisk.sanctions.persistence.KeyedRepository;
import io.sanctionsrisk.sanctions.persistence.SanctionEventRepository;
import io.sanctionsrisk.sanctions.persistence.SeedRecordRepository;
import io.sanctionsrisk.sanctions.persistence.ThreatActorRepository;
import io.sanctionsrisk.sanctions.service.DataVersionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Retires the records an earlier seed release shipped and the new one does not (a corrected key, a withdrawn
 * row), so an upgrade leaves no stale twin beside a replacement. A retired record is deleted only while it is as
 * that release left it (same digest; for rows from before digests were kept, last written by
 * {@code system:seed}); one a steward changed since is kept, as is an actor that incidents still name. Then the
 * new release's keys and digests become the set.
 */
@ApplicationScoped
public class SeedRetirement {

    private static final Logger LOG = Logger.getLogger(SeedRetirement.class);

    private final SeedRecordRepository seedRecords;
    private final ThreatActorRepository actors;
    private final SanctionEventRepository sanctions;
    private final IncidentRepository incidents;
    private final ChangeHistory history;
    private final DataVersionService dataVersion;
    private final Clock clock;

    public SeedRetirement(
            SeedRecordRepository seedRecords,
            ThreatActorRepository actors,
            SanctionEventRepository sanctions,
            IncidentRepository incidents,
            ChangeHistory history,
            DataVersionService dataVersion,
            Clock clock) {
        this.history = history;
        this.dataVersion = dataVersion;
        this.clock = clock;
        this.seedRecords = seedRecords;
        this.actors = actors;
        this.sanctions = sanctions;
        this.incidents = incidents;
    }

    /** @return how many records were deleted */
    @Transactional(Transactional.TxType.MANDATORY)
    public int retire(ImportBatch release) {
        // Incidents first: they name actors.
        int deleted = retire(
                "incident", keys(release.incidents(), IncidentData::key), incidents, Incident::toData, key -> true);
        deleted += retire(
                "sanction",
                keys(release.sanctions(), SanctionData::key),
                sanctions,
                SanctionEvent::toData,
                key -> true);
        deleted += retire(
                "actor",
                keys(release.actors(), ActorData::key),
                actors,
                ThreatActor::toData,
                key -> incidents.countByActor(key) == 0);
        return deleted;
    }

    private <E extends AuditedEntity> int retire(
            String kind,
            Set<String> shipped,
            KeyedRepository<E> repository,
            Function<E, Object> data,
            Predicate<String> free) {
        Map<String, String> previous = seedRecords.digests(kind);
        Set<String> dropped = new LinkedHashSet<>(previous.keySet());
        dropped.removeAll(shipped);
        int deleted = 0;
        for (var entry : repository.findByKeys(dropped).entrySet()) {
            E entity = entry.getValue();
            String was = previous.get(entry.getKey());
            boolean asShipped = was == null
                    ? Caller.SEED.subject().equals(entity.getUpdatedBySubject())
                    : was.equals(digest(data.apply(entity)));
            if (asShipped && free.test(entry.getKey())) {
                Object before = data.apply(entity);
                repository.delete(entity);
                history.record(
                        Caller.SEED,
                        clock.instant(),
                        dataVersion.thisTransaction(),
                        ChangeHistory.VIA_SEED,
                        HistoryChange.deleted(kind, entry.getKey(), before));
                deleted++;
            } else {
                LOG.infof(
                        "Seed %s %s is no longer shipped but is kept: changed since or still named",
                        kind, entry.getKey());
            }
        }
        repository.flush();
        Map<String, String> now = new TreeMap<>();
        repository.findByKeys(shipped).forEach((key, entity) -> now.put(key, digest(data.apply(entity))));
        seedRecords.replace(kind, now);
        return deleted;
    }

    /** A digest of a record's written fields (the data records' text form lists every field). */
    static String digest(Object record) {
        return SeedLoader.checksum(new byte[][] {record.toString().getBytes(StandardCharsets.UTF_8)});
    }

    private static <T> Set<String> keys(List<ImportBatch.Item<T>> items, Function<T, String> keyOf) {
        Set<String> keys = new LinkedHashSet<>();
        for (ImportBatch.Item<T> item : items) {
            String key = keyOf.apply(item.data());
            if (key != null) {
                keys.add(key.strip());
            }
        }
        return keys;
    }
}
