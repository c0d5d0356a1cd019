package io.sanctionsrisk.risk.refit;

import io.sanctionsrisk.risk.audit.AuditAction;
import io.sanctionsrisk.risk.audit.AuditEntry;
import io.sanctionsrisk.risk.audit.AuditTrail;
import io.sanctionsrisk.risk.audit.Caller;
import io.sanctionsrisk.risk.snapshot.ModelVersions;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Writes the audit row of each refit attempt: asked for (by the caller whose token it carried) or the service's own
 * (start-up, schedule), with the digest of the fitted inputs, the events fitted and how the attempt ended.
 */
@ApplicationScoped
public class RefitAudit {

    // the refit's own log category, so that a refit's lines stay under one name
    private static final Logger LOG = Logger.getLogger(RefitService.class);

    private final ModelVersions versions;
    private final AuditTrail audit;

    public RefitAudit(ModelVersions versions, AuditTrail audit) {
        this.versions = versions;
        this.audit = audit;
    }

    /**
     * One audit row per refit attempt: asked for (the caller's token) or the service's own (start-up, schedule), with
     * the digest of the fitted inputs (the snapshot's input digest), the events fitted and how it ended. A row that
     * cannot be written fails the refit.
     */
    void record(String trigger, String digest, int events, Long dataVersion, Long snapshotId, String outcome) {
        boolean requested = "request".equals(trigger) || RefitService.FORCED.equals(trigger);
        AuditEntry entry = new AuditEntry(
                requested ? AuditAction.REFIT : AuditAction.SCHEDULED_REFIT,
                digest,
                events,
                versions.model(),
                dataVersion,
                snapshotId,
                null);
        try {
            if (requested) {
                audit.recordOutcome(entry, outcome);
            } else {
                audit.recordOutcomeAs(entry, Caller.service("risk-service:" + trigger), outcome);
            }
        } catch (RuntimeException e) {
            // a refit that cannot be audited is not acknowledged: the caller sees the failure
            LOG.errorf(e, "could not write the audit row of a %s refit (%s)", trigger, outcome);
            throw e;
        }
    }
}
