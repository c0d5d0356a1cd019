package io.sanctionsrisk.sanctions.service;

import io.sanctionsrisk.sanctions.DataVersion;
import io.sanctionsrisk.sanctions.dto.DataVersionView;
import io.sanctionsrisk.sanctions.persistence.DataVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** The data version: read by anyone, incremented inside the transaction of every change. */
@ApplicationScoped
public class DataVersionService {

    private final DataVersionRepository repository;

    public DataVersionService(DataVersionRepository repository) {
        this.repository = repository;
    }

    public DataVersionView current() {
        DataVersion row = repository.current();
        return new DataVersionView(row.getVersion(), row.getLastModified());
    }

    /**
     * Counts one change. Must run in the transaction that made it, so the counter and the data commit or roll
     * back together; the row lock also orders concurrent writers.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DataVersionView increment(Instant at) {
        DataVersion row = repository.lockForUpdate();
        row.increment(at);
        return new DataVersionView(row.getVersion(), row.getLastModified());
    }

    /**
     * Holds writers off until the calling transaction ends and returns the version its reads belong to: every
     * writer increments the row before committing, so none can commit while this lock is held.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DataVersionView holdWriters() {
        DataVersion row = repository.lockForUpdate();
        return new DataVersionView(row.getVersion(), row.getLastModified());
    }
}
