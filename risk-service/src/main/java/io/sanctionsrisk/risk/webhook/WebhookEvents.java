package io.sanctionsrisk.risk.webhook;

import io.sanctionsrisk.risk.events.BandChanged;
import io.sanctionsrisk.risk.events.DataStale;
import io.sanctionsrisk.risk.events.SnapshotServed;
import io.sanctionsrisk.risk.events.ThresholdCrossed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;

/**
 * Turns the service's events into delivery rows, after the firing transaction commits (at once when there is none).
 * A portfolio's events go to its organisation's subscriptions; a new model version and stale data to everyone's. The
 * identity of each event makes it one delivery per subscription however often it is observed: a snapshot is announced
 * once, and its data are reported stale once.
 */
@ApplicationScoped
public class WebhookEvents {

    private final DeliveryStore store;
    private final DeliveryWorker worker;

    public WebhookEvents(DeliveryStore store, DeliveryWorker worker) {
        this.store = store;
        this.worker = worker;
    }

    void snapshotServed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SnapshotServed event) {
        queued(store.enqueue(EventType.MODEL_VERSION, null, "snapshot/" + event.snapshotId(), event, at(event.at())));
    }

    void bandChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) BandChanged event) {
        if (unowned(event.organisation())) {
            return;
        }
        queued(store.enqueue(
                EventType.BAND_CHANGE,
                event.organisation(),
                event.portfolioId() + "/" + event.institutionId() + "/" + event.snapshotId(),
                event,
                at(event.at())));
    }

    void thresholdCrossed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ThresholdCrossed event) {
        if (unowned(event.organisation())) {
            return;
        }
        queued(store.enqueue(
                EventType.THRESHOLD,
                event.organisation(),
                event.portfolioId() + "/" + event.institutionId() + "/" + event.threshold() + "/" + event.snapshotId(),
                event,
                at(event.at())));
    }

    void dataStale(@Observes(during = TransactionPhase.AFTER_SUCCESS) DataStale event) {
        queued(store.enqueue(EventType.STALE_DATA, null, "snapshot/" + event.snapshotId(), event, at(event.at())));
    }

    private void queued(int written) {
        if (written > 0) {
            worker.wake();
        }
    }

    /** A portfolio event without an organisation goes to no one rather than to everyone. */
    private static boolean unowned(String organisation) {
        return organisation == null || organisation.isBlank();
    }

    private static Instant at(Instant at) {
        return at == null ? Instant.now() : at;
    }
}
