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
 * Turns the service's events into delivery rows (through the {@link EventRecorder}), after the firing transaction
 * commits (at once when there is none).
 * A portfolio's events go to its organisation's subscriptions; a new model version and stale data to everyone's. The
 * identity of each event makes it one delivery per subscription however often it is observed: a snapshot is announced
 * once, and its data are reported stale once.
 */
@ApplicationScoped
public class WebhookEvents {

    private final EventRecorder recorder;

    public WebhookEvents(EventRecorder recorder) {
        this.recorder = recorder;
    }

    void snapshotServed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SnapshotServed event) {
        recorder.record(new DeliveryStore.Observed(
                EventType.MODEL_VERSION, null, "snapshot/" + event.snapshotId(), event, at(event.at())));
    }

    void bandChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) BandChanged event) {
        if (unowned(event.organisation())) {
            return;
        }
        recorder.record(new DeliveryStore.Observed(
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
        recorder.record(new DeliveryStore.Observed(
                EventType.THRESHOLD,
                event.organisation(),
                event.portfolioId() + "/" + event.institutionId() + "/" + event.threshold() + "/" + event.snapshotId(),
                event,
                at(event.at())));
    }

    void dataStale(@Observes(during = TransactionPhase.AFTER_SUCCESS) DataStale event) {
        recorder.record(new DeliveryStore.Observed(
                EventType.STALE_DATA, null, "snapshot/" + event.snapshotId(), event, at(event.at())));
    }

    /** A portfolio event without an organisation goes to no one rather than to everyone. */
    private static boolean unowned(String organisation) {
        return organisation == null || organisation.isBlank();
    }

    private static Instant at(Instant at) {
        return at == null ? Instant.now() : at;
    }
}
