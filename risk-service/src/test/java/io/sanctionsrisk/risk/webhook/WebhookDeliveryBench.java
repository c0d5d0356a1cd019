package io.sanctionsrisk.risk.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsrisk.risk.events.BandChanged;
import io.sanctionsrisk.risk.testing.Eventually;
import jakarta.enterprise.event.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How long 1,000 webhook deliveries take to reach a receiver on 127.0.0.1 that checks every signature: once as
 * 1,000 band changes of one subscription, once as 100 band changes fanned out to 10 subscriptions. Counted from the
 * first event fired to the last delivery settled (2xx received and the row marked delivered). A measurement, not a
 * test of speed: it asserts only that every delivery arrives signed. Not part of the normal run (BENCHMARKS.md):
 *
 * <pre>./mvnw -pl cadence-model,e2e/test-support,risk-service test -Dtest=WebhookDeliveryBench
 * -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Writes {@code risk-service/target/webhook-bench.md}.
 */
@QuarkusTest
class WebhookDeliveryBench {

    private static final int DELIVERIES = 1_000;

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final Event<BandChanged> bandChanged;
    private final WebhookConfig config;

    WebhookDeliveryBench(
            WebhookSubscriptionRepository subscriptions,
            WebhookDeliveryRepository deliveries,
            Event<BandChanged> bandChanged,
            WebhookConfig config) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.bandChanged = bandChanged;
        this.config = config;
    }

    @BeforeEach
    @AfterEach
    void noSubscriptions() {
        QuarkusTransaction.requiringNew().run(subscriptions::deleteAll);
    }

    @Test
    void deliversAThousandEvents() throws IOException {
        StringBuilder report = new StringBuilder();
        report.append(String.format(
                Locale.ROOT,
                "workers %d, at most %d in flight per subscription, %d processors%n%n",
                config.delivery().workers(),
                config.delivery().maxInFlightPerSubscription(),
                Runtime.getRuntime().availableProcessors()));
        report.append(
                "| run | subscriptions | events | deliveries | events fired in | all delivered in | deliveries/s |\n");
        report.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        // a short warm-up of the same path: JIT, connection pool, statement caches
        run("warm-up", 1, 100, null);
        noSubscriptions();
        run("one subscription", 1, DELIVERIES, report);
        noSubscriptions();
        run("ten subscriptions", 10, DELIVERIES / 10, report);
        String text = report.toString();
        System.out.println(text);
        Files.writeString(Path.of(System.getProperty("project.build.directory", "target"), "webhook-bench.md"), text);
    }

    private void run(String name, int subscriberCount, int events, StringBuilder report) {
        WebhookSecret secret = WebhookSecret.generate();
        try (WebhookReceiver receiver = new WebhookReceiver(secret.text())) {
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> {
                List<Long> created = new java.util.ArrayList<>();
                for (int i = 0; i < subscriberCount; i++) {
                    WebhookSubscription s = new WebhookSubscription(
                            "bench-org",
                            Instant.now(),
                            "bench",
                            null,
                            receiver.url(),
                            secret.text(),
                            List.of(EventType.BAND_CHANGE),
                            null);
                    subscriptions.persist(s);
                    created.add(s.getId());
                }
                return created;
            });
            int expected = subscriberCount * events;
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                bandChanged.fire(new BandChanged(
                        "bench-org",
                        "bench-portfolio",
                        "INST-" + i,
                        "moderate",
                        "high",
                        45.0,
                        55.0,
                        1L,
                        Instant.now()));
            }
            long fired = System.nanoTime();
            Eventually.await(
                    name + ": every delivery settled",
                    Duration.ofMinutes(3),
                    () -> QuarkusTransaction.requiringNew()
                            .call(() -> deliveries.count("subscriptionId in ?1 and status = 'delivered'", ids)),
                    n -> n == expected);
            long done = System.nanoTime();
            assertEquals(expected, receiver.delivered());
            assertTrue(receiver.received().stream().allMatch(WebhookReceiver.Received::signatureValid));
            if (report != null) {
                double seconds = (done - start) / 1e9;
                report.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %d | %d | %.2f s | %.2f s | %.0f |%n",
                        name,
                        subscriberCount,
                        events,
                        expected,
                        (fired - start) / 1e9,
                        seconds,
                        expected / seconds));
            }
        }
    }
}
