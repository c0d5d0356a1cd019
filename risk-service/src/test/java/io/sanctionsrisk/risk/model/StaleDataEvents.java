package io.sanctionsrisk.risk.model;

import io.sanctionsrisk.risk.events.DataStale;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the DataStale events the tests cause. */
@ApplicationScoped
public class StaleDataEvents {

    private final List<DataStale> seen = new CopyOnWriteArrayList<>();

    void on(@Observes DataStale event) {
        seen.add(event);
    }

    public List<DataStale> seen() {
        return List.copyOf(seen);
    }

    public void clear() {
        seen.clear();
    }
}
