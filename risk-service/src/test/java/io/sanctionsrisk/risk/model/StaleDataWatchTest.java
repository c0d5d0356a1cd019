package io.sanctionsrisk.risk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsrisk.risk.events.DataStale;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.snapshot.SyncRecorder;
import io.sanctionsrisk.risk.testing.SnapshotFixtures;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StaleDataWatchTest {

    private final SnapshotFixtures fixtures;
    private final SyncRecorder sync;
    private final StaleDataWatch watch;
    private final StaleDataEvents events;

    StaleDataWatchTest(SnapshotFixtures fixtures, SyncRecorder sync, StaleDataWatch watch, StaleDataEvents events) {
        this.fixtures = fixtures;
        this.sync = sync;
        this.watch = watch;
        this.events = events;
    }

    @Test
    void firesOnceWhenTheServingSnapshotTurnsStale() {
        LoadedSnapshot snapshot = fixtures.simulated();
        long fitted = snapshot.row().getDataVersion();
        try {
            sync.success(Instant.now(), fitted);
            watch.check();
            events.clear();
            assertFalse(watch.check(), "fresh data: nothing to report");

            // the sanctions-service reports newer data that are not fitted yet
            sync.success(Instant.now(), fitted + 5);
            assertTrue(watch.check());
            assertFalse(watch.check(), "reported once, not on every check");
            assertEquals(1, events.seen().size());
            DataStale stale = events.seen().get(0);
            assertEquals(snapshot.id(), stale.snapshotId());
            assertTrue(
                    stale.reasons().get(0).contains("newer than the snapshot's"),
                    stale.reasons().toString());

            // fresh again, then stale again: a new episode is reported
            sync.success(Instant.now(), fitted);
            assertFalse(watch.check());
            sync.success(Instant.now(), fitted + 6);
            assertTrue(watch.check());
            assertEquals(2, events.seen().size());
        } finally {
            sync.success(Instant.now(), fitted);
            events.clear();
        }
    }
}
