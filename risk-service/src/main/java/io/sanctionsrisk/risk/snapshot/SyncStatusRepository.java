package io.sanctionsrisk.risk.snapshot;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Records each contact with the sanctions-service; callers run each method in a transaction. */
@ApplicationScoped
public class SyncStatusRepository implements PanacheRepositoryBase<SyncStatus, Integer> {

    public SyncStatus current() {
        SyncStatus status = findById(SyncStatus.SINGLETON_ID);
        if (status != null) {
            getEntityManager().refresh(status);
        }
        return status;
    }

    public void recordSuccess(Instant at, long dataVersion) {
        update(
                "lastAttemptAt = ?1, lastSuccessAt = ?1, latestDataVersion = ?2 where id = ?3",
                at,
                dataVersion,
                SyncStatus.SINGLETON_ID);
    }

    public void recordFailure(Instant at, String error) {
        String bounded = error == null ? "unknown" : error.length() > 1000 ? error.substring(0, 1000) : error;
        update(
                "lastAttemptAt = ?1, lastError = ?2, lastErrorAt = ?1 where id = ?3",
                at,
                bounded,
                SyncStatus.SINGLETON_ID);
    }
}
