package io.sanctionsrisk.risk.health;

import io.sanctionsrisk.risk.snapshot.SyncRecorder;
import io.sanctionsrisk.risk.snapshot.SyncStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Informational: what the last contact with the sanctions-service found. Always UP, because the risk-service serves
 * its last snapshot while the sanctions-service is away; readiness depends on the database only (the datasource
 * check). Reads the shared sync record instead of calling the sanctions-service on every probe.
 */
@Readiness
@ApplicationScoped
public class SanctionsServiceHealthCheck implements HealthCheck {

    private final SyncRecorder sync;

    public SanctionsServiceHealthCheck(SyncRecorder sync) {
        this.sync = sync;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder =
                HealthCheckResponse.named("sanctions-service (informational)").up();
        try {
            SyncStatus status = sync.current();
            if (status == null || status.getLastAttemptAt() == null) {
                return builder.withData("reachable", "not contacted yet").build();
            }
            boolean reachable = status.getLastSuccessAt() != null
                    && (status.getLastErrorAt() == null
                            || !status.getLastErrorAt().isAfter(status.getLastSuccessAt()));
            builder.withData("reachable", reachable)
                    .withData("lastAttempt", status.getLastAttemptAt().toString());
            if (status.getLastSuccessAt() != null) {
                builder.withData("lastSuccessfulSync", status.getLastSuccessAt().toString());
            }
            if (status.getLatestDataVersion() != null) {
                builder.withData("latestDataVersion", status.getLatestDataVersion());
            }
            if (!reachable && status.getLastError() != null) {
                builder.withData("lastError", status.getLastError());
            }
            return builder.build();
        } catch (RuntimeException e) {
            // the database check reports the database; this one stays informational
            return builder.withData("reachable", "unknown").build();
        }
    }
}
