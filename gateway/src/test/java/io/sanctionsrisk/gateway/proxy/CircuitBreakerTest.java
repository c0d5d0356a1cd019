package io.sanctionsrisk.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sanctionsrisk.gateway.proxy.CircuitBreaker.Admission;
import io.sanctionsrisk.gateway.proxy.CircuitBreaker.State;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), now::get);

    @Test
    void opensAfterTheThresholdOfConsecutiveFailures() {
        fail(2);
        assertEquals(State.CLOSED, breaker.state());
        assertEquals(Admission.CALL, breaker.tryAcquire());
        breaker.onFailure();
        assertEquals(State.OPEN, breaker.state());
        assertEquals(Admission.REFUSED, breaker.tryAcquire());
    }

    @Test
    void aSuccessResetsTheCount() {
        fail(2);
        assertEquals(Admission.CALL, breaker.tryAcquire());
        breaker.onSuccess();
        fail(2);
        assertEquals(State.CLOSED, breaker.state());
    }

    @Test
    void letsOneTrialThroughAfterTheDelayAndClosesOnItsSuccess() {
        fail(3);
        now.addAndGet(Duration.ofSeconds(10).toNanos() - 1);
        assertEquals(Admission.REFUSED, breaker.tryAcquire());
        assertEquals(1, breaker.secondsUntilTrial());
        now.addAndGet(1);
        assertEquals(Admission.TRIAL, breaker.tryAcquire(), "the trial");
        assertEquals(State.HALF_OPEN, breaker.state());
        assertEquals(Admission.REFUSED, breaker.tryAcquire(), "only one trial at a time");
        breaker.onSuccess();
        assertEquals(State.CLOSED, breaker.state());
        assertEquals(Admission.CALL, breaker.tryAcquire());
    }

    @Test
    void aFailedTrialOpensItAgainForAnotherDelay() {
        fail(3);
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertEquals(Admission.TRIAL, breaker.tryAcquire());
        breaker.onFailure();
        assertEquals(State.OPEN, breaker.state());
        assertEquals(10, breaker.secondsUntilTrial());
        assertEquals(Admission.REFUSED, breaker.tryAcquire());
    }

    @Test
    void anAbandonedTrialLetsTheNextOneThrough() {
        fail(3);
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertEquals(Admission.TRIAL, breaker.tryAcquire());
        breaker.onAbandoned();
        assertEquals(Admission.TRIAL, breaker.tryAcquire());
    }

    @Test
    void lateFailuresOfCallsStartedBeforeItOpenedChangeNothing() {
        fail(3);
        breaker.onFailure();
        breaker.onFailure();
        assertEquals(10, breaker.secondsUntilTrial());
    }

    @Test
    void refusesANonsenseThreshold() {
        assertThrows(IllegalArgumentException.class, () -> new CircuitBreaker(0, Duration.ofSeconds(1), now::get));
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertEquals(Admission.CALL, breaker.tryAcquire());
            breaker.onFailure();
        }
    }
}
