package io.sanctionsrisk.risk.snapshot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Records each contact with the sanctions-service in the shared sync-status row. */
@ApplicationScoped
public class SyncRecorder {

    private final SyncStatusRepository status;

    public SyncRecorder(SyncStatusRepository status) {
        this.status = status;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void success(Instant at, long dataVersion) {
        status.recordSuccess(at, dataVersion);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failure(Instant at, String error) {
        status.recordFailure(at, error);
    }

    @Transactional
    public SyncStatus current() {
        return status.current();
    }
}
