package io.sanctionsrisk.risk.snapshot;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ModelSnapshotRepository implements PanacheRepository<ModelSnapshot> {

    /** The id of the serving snapshot (the latest), or empty when none was fitted yet: one index lookup. */
    public Optional<Long> latestId() {
        Long id = getEntityManager()
                .createQuery("select max(s.id) from ModelSnapshot s", Long.class)
                .getSingleResult();
        return Optional.ofNullable(id);
    }

    /** The earliest snapshot fitted anew on these inputs (under any data version), to copy instead of refitting. */
    public Optional<ModelSnapshot> findFittedOn(String modelVersion, String inputDigest) {
        return find(
                        "modelVersion = ?1 and inputDigest = ?2 and reusedFrom is null order by id",
                        modelVersion,
                        inputDigest)
                .firstResultOptional();
    }

    /** A page of snapshot headers, newest first, without the JSON documents. */
    public List<SnapshotHeader> headers(int page, int size) {
        return getEntityManager()
                .createQuery(
                        "select new io.sanctionsrisk.risk.snapshot.SnapshotHeader(s.id, s.createdAt, s.modelVersion,"
                                + " s.codeVersion, s.dataVersion, s.windowStart, s.windowEnd, s.eventCount,"
                                + " s.sanctionCount, s.fitTrigger, s.requestedBy, s.reusedFrom)"
                                + " from ModelSnapshot s order by s.id desc",
                        SnapshotHeader.class)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
    }

    /** The id of the snapshot stored just before this one, or empty for the first. */
    public Optional<Long> previousId(long id) {
        Long previous = getEntityManager()
                .createQuery("select max(s.id) from ModelSnapshot s where s.id < :id", Long.class)
                .setParameter("id", id)
                .getSingleResult();
        return Optional.ofNullable(previous);
    }
}
