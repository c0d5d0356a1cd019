package io.sanctionsrisk.risk.refit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Takes and gives back the refit lease with conditional updates: the database decides which replica wins, so
 * two replicas never fit at the same time. Callers run each method in its own short transaction.
 */
@ApplicationScoped
public class RefitLeaseRepository implements PanacheRepositoryBase<RefitLease, Integer> {

    /** True when {@code holder} now holds the lease (it was free or expired). */
    public boolean tryAcquire(String holder, Instant now, Instant expiresAt) {
        return update(
                        "holder = ?1, acquiredAt = ?2, expiresAt = ?3 where id = ?4 and (holder is null or expiresAt < ?2)",
                        holder,
                        now,
                        expiresAt,
                        RefitLease.SINGLETON_ID)
                == 1;
    }

    /** Gives the lease back if {@code holder} still holds it. */
    public void release(String holder) {
        update(
                "holder = null, acquiredAt = null, expiresAt = null where id = ?1 and holder = ?2",
                RefitLease.SINGLETON_ID,
                holder);
    }

    public RefitLease current() {
        return findById(RefitLease.SINGLETON_ID);
    }
}
