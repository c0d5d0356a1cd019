package io.sanctionsrisk.risk.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Writes observed events as delivery rows on a thread of its own, a batch per transaction, so that the code that fires
 * them (a re-scored portfolio may change thousands of bands) only pays for a queue insert. When the queue is full the
 * firing thread writes its event itself rather than drop it; on shutdown the queue is written out before the service
 * stops. Only a crash between the event and its write (milliseconds) loses it.
 */
@ApplicationScoped
public class EventRecorder {

    private static final Logger LOG = Logger.getLogger(EventRecorder.class);
    private static final int QUEUE_CAPACITY = 100_000;
    private static final int BATCH = 1_000;

    private final DeliveryStore store;
    private final DeliveryWorker worker;
    private final BlockingQueue<DeliveryStore.Observed> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private volatile boolean running;
    private Thread thread;

    public EventRecorder(DeliveryStore store, DeliveryWorker worker) {
        this.store = store;
        this.worker = worker;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::drain, "webhook-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        write(drained());
    }

    /** Queues the event for writing; writes it at once when the queue is full or the recorder is not running. */
    public void record(DeliveryStore.Observed event) {
        if (!running || !queue.offer(event)) {
            write(List.of(event));
        }
    }

    private void drain() {
        while (running) {
            try {
                DeliveryStore.Observed first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                List<DeliveryStore.Observed> batch = new ArrayList<>();
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "webhook events could not be written");
            }
        }
    }

    private List<DeliveryStore.Observed> drained() {
        List<DeliveryStore.Observed> rest = new ArrayList<>();
        queue.drainTo(rest);
        return rest;
    }

    private void write(List<DeliveryStore.Observed> batch) {
        if (batch.isEmpty()) {
            return;
        }
        if (store.enqueueAll(batch) > 0) {
            worker.wake();
        }
    }
}
