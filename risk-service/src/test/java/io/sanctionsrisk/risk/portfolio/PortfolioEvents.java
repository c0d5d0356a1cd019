package io.sanctionsrisk.risk.portfolio;

import io.sanctionsrisk.risk.events.BandChanged;
import io.sanctionsrisk.risk.events.SnapshotServed;
import io.sanctionsrisk.risk.events.ThresholdCrossed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Records the events the tests wait for, as a synchronous and as an asynchronous observer. Read through the methods:
 * the test holds a client proxy, whose own fields are not the bean's.
 */
@ApplicationScoped
public class PortfolioEvents {

    final List<SnapshotServed> servedSync = Collections.synchronizedList(new ArrayList<>());
    final List<SnapshotServed> servedAsync = Collections.synchronizedList(new ArrayList<>());
    final List<BandChanged> bandChanges = Collections.synchronizedList(new ArrayList<>());
    final List<BandChanged> bandChangesAsync = Collections.synchronizedList(new ArrayList<>());
    final List<ThresholdCrossed> crossings = Collections.synchronizedList(new ArrayList<>());

    List<SnapshotServed> servedSync() {
        return copy(servedSync);
    }

    private static <T> List<T> copy(List<T> list) {
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    List<SnapshotServed> servedAsync() {
        return copy(servedAsync);
    }

    List<BandChanged> bandChanges() {
        return copy(bandChanges);
    }

    List<BandChanged> bandChangesAsync() {
        return copy(bandChangesAsync);
    }

    List<ThresholdCrossed> crossings() {
        return copy(crossings);
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
