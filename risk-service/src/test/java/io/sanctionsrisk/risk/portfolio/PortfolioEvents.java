package io.sanctionsrisk.risk.portfolio;

import io.sanctionsrisk.risk.events.BandChanged;
import io.sanctionsrisk.risk.events.SnapshotServed;
import io.sanctionsrisk.risk.events.ThresholdCrossed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the events the tests wait for, as a synchronous and as an asynchronous observer. Read through the methods:
 * the test holds a client proxy, whose own fields are not the bean's.
 */
@ApplicationScoped
public class PortfolioEvents {

    final List<SnapshotServed> servedSync = new CopyOnWriteArrayList<>();
    final List<SnapshotServed> servedAsync = new CopyOnWriteArrayList<>();
    final List<BandChanged> bandChanges = new CopyOnWriteArrayList<>();
    final List<BandChanged> bandChangesAsync = new CopyOnWriteArrayList<>();
    final List<ThresholdCrossed> crossings = new CopyOnWriteArrayList<>();

    List<SnapshotServed> servedSync() {
        return servedSync;
    }

    List<SnapshotServed> servedAsync() {
        return servedAsync;
    }

    List<BandChanged> bandChanges() {
        return bandChanges;
    }

    List<BandChanged> bandChangesAsync() {
        return bandChangesAsync;
    }

    List<ThresholdCrossed> crossings() {
        return crossings;
    }

    void served(@Observes SnapshotServed e) {
        servedSync.add(e);
    }

    void servedAsync(@ObservesAsync SnapshotServed e) {
        servedAsync.add(e);
    }

    void band(@Observes BandChanged e) {
        bandChanges.add(e);
    }

    void bandAsync(@ObservesAsync BandChanged e) {
        bandChangesAsync.add(e);
    }

    void crossing(@Observes ThresholdCrossed e) {
        crossings.add(e);
    }
}
