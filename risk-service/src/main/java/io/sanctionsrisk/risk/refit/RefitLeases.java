package io.sanctionsrisk.risk.refit;

import io.sanctionsrisk.risk.config.RiskConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** The refit lease, each step in its own short transaction so that other replicas see it at once. */
@ApplicationScoped
public class RefitLeases {

    private final RefitLeaseRepository leases;
    private final RiskConfig config;
    private final Clock clock;

    public RefitLeases(RefitLeaseRepository leases, RiskConfig config, Clock clock) {
        this.leases = leases;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean tryAcquire(String holder) {
        Instant now = clock.instant();
        return leases.tryAcquire(holder, now, now.plus(config.refit().leaseTimeout()));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String holder) {
        leases.release(holder);
    }
}
