package io.sanctionsrisk.risk.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * The audit trail of scores, scenarios, backtests, refits and inline fits. {@link #record} joins the caller's transaction when
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

    /**
     * Records a refit or an inline fit and how it ended, for the current caller, in a transaction of its own: the
     * row stays when the audited work fails or rolls back (a refused or failed attempt is audited too).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public AuditRecord recordOutcome(AuditEntry entry, String outcome) {
        return recordOutcomeAs(entry, Caller.of(identity), outcome);
    }

    /** As {@link #recordOutcome}, for a given caller (the service itself, for scheduled work). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public AuditRecord recordOutcomeAs(AuditEntry entry, Caller caller, String outcome) {
        AuditRecord record = new AuditRecord(entry, caller, clock.instant(), outcome);
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
