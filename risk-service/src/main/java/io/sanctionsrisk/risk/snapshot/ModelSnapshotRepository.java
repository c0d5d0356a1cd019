package io.sanctionsrisk.risk.snapshot;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
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
}
