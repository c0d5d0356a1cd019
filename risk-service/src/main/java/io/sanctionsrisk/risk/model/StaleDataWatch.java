package io.sanctionsrisk.risk.model;

import io.quarkus.scheduler.Scheduled;
import io.sanctionsrisk.risk.config.RefitScheduleDisabled;
import io.sanctionsrisk.risk.events.DataStale;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.snapshot.ModelSnapshot;
import io.sanctionsrisk.risk.snapshot.SnapshotStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Raises {@link DataStale} when the serving snapshot's data turn stale, by the rule GET /api/v1/model reports
 * ({@link ModelViews#freshness}): checked every {@code risk.refit.check-interval}, fired once per snapshot on this
 * replica (the webhook deliveries are keyed by snapshot, so other replicas' firings add none).
 */
@ApplicationScoped
public class StaleDataWatch {

    private static final Logger LOG = Logger.getLogger(StaleDataWatch.class);

    private final SnapshotStore store;
    private final ModelViews views;
    private final Event<DataStale> stale;
    private final Clock clock;
    private final AtomicLong reported = new AtomicLong(-1);

    public StaleDataWatch(SnapshotStore store, ModelViews views, Event<DataStale> stale, Clock clock) {
        this.store = store;
        this.views = views;
        this.stale = stale;
        this.clock = clock;
    }

    @Scheduled(
            identity = "stale-data-check",
            every = "${risk.refit.check-interval}",
            delayed = "${risk.refit.initial-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = RefitScheduleDisabled.class)
    void scheduledCheck() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.warnf("stale-data check failed: %s", e.getMessage());
        }
    }

    /** Fires {@link DataStale} if the serving snapshot is stale and was not reported yet; returns whether it fired. */
    public boolean check() {
        // the serving snapshot as every answer sees it (decoded once per snapshot), not its row read again
        Optional<LoadedSnapshot> serving = store.serving();
        if (serving.isEmpty()) {
            return false;
        }
        ModelSnapshot row = serving.get().row();
        ModelView.Freshness freshness = views.freshness(row);
        if (!freshness.stale()) {
            reported.compareAndSet(row.getId(), -1);
            return false;
        }
        long previous = reported.getAndSet(row.getId());
        if (previous == row.getId()) {
            return false;
        }
        stale.fire(new DataStale(row.getId(), freshness.staleReasons(), clock.instant()));
        return true;
    }
}
