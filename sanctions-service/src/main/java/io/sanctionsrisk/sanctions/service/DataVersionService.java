package io.sanctionsrisk.sanctions.service;

import io.sanctionsrisk.sanctions.DataVersion;
import io.sanctionsrisk.sanctions.dto.DataVersionView;
import io.sanctionsrisk.sanctions.persistence.DataVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** The data version: read by anyone, incremented inside the transaction of every change. */
@ApplicationScoped
public class DataVersionService {

    /** The key under which a transaction keeps the version it commits as. */
    private static final Object THIS_TRANSACTION = new Object();

    private final DataVersionRepository repository;
    private final TransactionSynchronizationRegistry transactions;

    public DataVersionService(DataVersionRepository repository, TransactionSynchronizationRegistry transactions) {
        this.repository = repository;
        this.transactions = transactions;
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
        transactions.putResource(THIS_TRANSACTION, row.getVersion());
        return new DataVersionView(row.getVersion(), row.getLastModified());
    }

    /**
     * The version this transaction's changes will carry: the one {@link #increment} gave, or, before it, the
     * current one plus one, taking the row lock now so that no other writer can commit in between (each write
     * transaction increments exactly once). The change history stamps rows with it as they are written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long thisTransaction() {
        Object known = transactions.getResource(THIS_TRANSACTION);
        if (known != null) {
            return (Long) known;
        }
        long next = repository.lockForUpdate().getVersion() + 1;
        transactions.putResource(THIS_TRANSACTION, next);
        return next;
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
