package io.sanctionsrisk.risk.portfolio;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sanctionsrisk.risk.events.BandChanged;
import io.sanctionsrisk.risk.events.SnapshotServed;
import io.sanctionsrisk.risk.events.ThresholdCrossed;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.snapshot.SnapshotStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.ObservesAsync;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Re-scores every portfolio when a new snapshot is served ({@link SnapshotServed}, fired by the refit feature once
 * the snapshot is committed), each portfolio in a transaction of its own under its row lock, and then announces each
 * band change and threshold crossing ({@link BandChanged}, {@link ThresholdCrossed}) to synchronous and asynchronous
 * observers alike. A portfolio already scored on that snapshot or a later one (an upload came first) is left as it is,
 * so a repeated event changes nothing.
 */
@ApplicationScoped
public class PortfolioRescorer {

    private static final Logger LOG = Logger.getLogger(PortfolioRescorer.class);
    static final String REASON = "snapshot-served";

    private final PortfolioStore store;
    private final ScoringStore scoringStore;
    private final PortfolioScorer scorer;
    private final SnapshotStore snapshots;
    private final Event<BandChanged> bandChanged;
    private final Event<ThresholdCrossed> thresholdCrossed;

    PortfolioRescorer(
            PortfolioStore store,
            ScoringStore scoringStore,
            PortfolioScorer scorer,
            SnapshotStore snapshots,
            Event<BandChanged> bandChanged,
            Event<ThresholdCrossed> thresholdCrossed) {
        this.store = store;
        this.scoringStore = scoringStore;
        this.scorer = scorer;
        this.snapshots = snapshots;
        this.bandChanged = bandChanged;
        this.thresholdCrossed = thresholdCrossed;
    }

    /** What one pass did. */
    public record Pass(int portfolios, int rescored, int institutions, int bandChanges, int thresholdCrossings) {}

    void onSnapshotServed(@ObservesAsync SnapshotServed served) {
        try {
            Pass pass = rescoreAll(served.snapshotId());
            LOG.infof(
                    "snapshot %d served: %d of %d portfolios re-scored (%d institutions, %d band changes, %d"
                            + " threshold crossings)",
                    served.snapshotId(),
                    pass.rescored(),
                    pass.portfolios(),
                    pass.institutions(),
                    pass.bandChanges(),
                    pass.thresholdCrossings());
        } catch (RuntimeException e) {
            LOG.errorf(e, "re-scoring the portfolios on snapshot %d failed", served.snapshotId());
        }
    }

    /** Re-scores every portfolio not yet scored on {@code snapshotId} or later. */
    public Pass rescoreAll(long snapshotId) {
        Optional<LoadedSnapshot> found = snapshots.find(snapshotId);
        if (found.isEmpty()) {
            LOG.warnf("snapshot %d is no longer stored; portfolios are not re-scored on it", snapshotId);
            return new Pass(0, 0, 0, 0, 0);
        }
        LoadedSnapshot snapshot = found.get();
        int portfolios = 0;
        int rescored = 0;
        int institutions = 0;
        int changes = 0;
        int crossings = 0;
        for (String id : store.allIds()) {
            portfolios++;
            PortfolioScorer.Outcome outcome;
            try {
                outcome = QuarkusTransaction.requiringNew().call(() -> rescore(id, snapshot));
            } catch (RuntimeException e) {
                LOG.errorf(e, "portfolio %s could not be re-scored on snapshot %d", id, snapshotId);
                continue;
            }
            if (outcome == null) {
                continue;
            }
            rescored++;
            LOG.debugf(
                    "portfolio %s on snapshot %d: %d institutions read, scored and compared in %d ms, stored in %d ms",
                    id,
                    snapshotId,
                    outcome.scoring().institutionCount(),
                    outcome.scoring().durationMillis(),
                    outcome.writeMillis());
            institutions += outcome.scoring().institutionCount();
            changes += outcome.bandChanges().size();
            crossings += outcome.crossings().size();
            announce(outcome);
        }
        return new Pass(portfolios, rescored, institutions, changes, crossings);
    }

    private PortfolioScorer.Outcome rescore(String id, LoadedSnapshot snapshot) {
        Optional<PortfolioStore.PortfolioRow> locked = store.lock(id);
        if (locked.isEmpty() || locked.get().institutionCount() == 0) {
            return null;
        }
        Optional<ScoringStore.ScoringRow> latest = scoringStore.latestScoring(id);
        if (latest.isPresent() && latest.get().snapshotId() >= snapshot.id()) {
            return null;
        }
        return scorer.score(locked.get(), snapshot, REASON);
    }

    /** Fires each change after the scoring committed: to synchronous observers, then to asynchronous ones. */
    private void announce(PortfolioScorer.Outcome outcome) {
        for (BandChanged change : outcome.bandChanges()) {
            fire(bandChanged, change);
        }
        for (ThresholdCrossed crossing : outcome.crossings()) {
            fire(thresholdCrossed, crossing);
        }
    }

    private static <T> void fire(Event<T> event, T payload) {
        try {
            event.fire(payload);
        } catch (RuntimeException e) {
            LOG.errorf(e, "an observer of %s failed", payload.getClass().getSimpleName());
        }
        event.fireAsync(payload);
    }
}
