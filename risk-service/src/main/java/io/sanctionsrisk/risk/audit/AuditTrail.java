package io.sanctionsrisk.risk.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * The audit trail of scores, scenarios and backtests. {@link #record} joins the caller's transaction when
 * there is one, so an audited result and its audit row are stored together or not at all.
 */
@ApplicationScoped
public class AuditTrail implements PanacheRepositoryBase<AuditRecord, Long> {

    private final SecurityIdentity identity;
    private final Clock clock;

    public AuditTrail(SecurityIdentity identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    @Transactional
    public AuditRecord record(AuditEntry entry) {
        AuditRecord record = new AuditRecord(entry, Caller.of(identity), clock.instant());
        persist(record);
        return record;
    }

    /** The current caller, for results that store their owner. */
    public Caller caller() {
        return Caller.of(identity);
    }

    /** The newest records first. */
    public List<AuditRecord> latest(int limit) {
        return find("order by recordedAt desc, id desc").page(0, limit).list();
    }
}
