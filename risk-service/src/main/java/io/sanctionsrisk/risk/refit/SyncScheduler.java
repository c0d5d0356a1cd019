package io.sanctionsrisk.risk.refit;

import io.quarkus.scheduler.Scheduled;
import io.sanctionsrisk.risk.config.RefitScheduleDisabled;
import io.sanctionsrisk.risk.dataset.UnfittableDataException;
import io.sanctionsrisk.risk.sanctions.SanctionsServiceUnavailableException;
import io.sanctionsrisk.risk.snapshot.Refits;
import io.sanctionsrisk.risk.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Watches the sanctions-service's data version every {@code risk.refit.check-interval} and refits when it moved.
 * The first run after start-up refits unconditionally (an unchanged input is answered without fitting), so a
 * change of the dataset rules or configuration is picked up too. Failures are recorded for the freshness report
 * and never disturb the serving snapshot.
 */
@ApplicationScoped
public class SyncScheduler {

    private static final Logger LOG = Logger.getLogger(SyncScheduler.class);

    private final RefitService refits;
    private final AtomicBoolean started = new AtomicBoolean();

    public SyncScheduler(RefitService refits) {
        this.refits = refits;
    }

    @Scheduled(
            identity = "data-version-check",
            every = "${risk.refit.check-interval}",
            delayed = "${risk.refit.initial-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = RefitScheduleDisabled.class)
    void scheduledCheck() {
        check();
    }

    /** One check, as the schedule runs it; returns what it did (for logs and tests). */
    public String check() {
        try {
            if (started.compareAndSet(false, true)) {
                Refits.Result result = refits.refit("startup", null);
                return outcome(result);
            }
            return refits.refitIfChanged("schedule").map(SyncScheduler::outcome).orElse("up-to-date");
        } catch (SanctionsServiceUnavailableException e) {
            started.compareAndSet(true, false);
            LOG.warnf("data-version check: %s; serving the last snapshot", e.getMessage());
            return "unreachable";
        } catch (UnfittableDataException e) {
            LOG.warnf("data-version check: %s", e.getMessage());
            return "unfittable";
        } catch (ApiProblem e) {
            LOG.infof("data-version check skipped: %s", e.getMessage());
            return "busy";
        }
    }

    private static String outcome(Refits.Result result) {
        return result.outcome().name().toLowerCase(java.util.Locale.ROOT);
    }
}
