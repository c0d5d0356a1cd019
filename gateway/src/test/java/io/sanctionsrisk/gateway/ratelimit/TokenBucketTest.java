package io.sanctionsrisk.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(42);

    @Test
    void allowsTheBurstThenRefusesWithTheWaitForTheNextToken() {
        TokenBucket bucket = new TokenBucket(2, 3, now::get);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, bucket.tryTake());
        }
        assertEquals(TimeUnit.MILLISECONDS.toNanos(500), bucket.tryTake());
    }

    @Test
    void refillsAtTheRateUpToTheBurst() {
        TokenBucket bucket = new TokenBucket(2, 3, now::get);
        for (int i = 0; i < 3; i++) {
            bucket.tryTake();
        }
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        assertEquals(0, bucket.tryTake());
        assertTrue(bucket.tryTake() > 0);
        now.addAndGet(TimeUnit.SECONDS.toNanos(3600));
        assertTrue(bucket.isFull());
        for (int i = 0; i < 3; i++) {
            assertEquals(0, bucket.tryTake());
        }
        assertTrue(bucket.tryTake() > 0, "never more than the burst");
    }

    @Test
    void aNewBucketIsFullAndAUsedOneIsNot() {
        TokenBucket bucket = new TokenBucket(1, 2, now::get);
        assertTrue(bucket.isFull());
        bucket.tryTake();
        assertFalse(bucket.isFull());
    }

    @Test
    void aCostIsTakenWholeOrRefusedWithTheWaitForIt() {
        TokenBucket bucket = new TokenBucket(10, 100, now::get);
        assertEquals(0, bucket.tryTake(60));
        assertEquals(2.0, seconds(bucket.tryTake(60)), 1e-6, "40 left, 20 more take 2 s");
        assertEquals(0, bucket.tryTake(40));
    }

    @Test
    void aCostLargerThanTheBucketNeedsAFullBucketAndLeavesDebt() {
        TokenBucket bucket = new TokenBucket(10, 100, now::get);
        bucket.tryTake();
        assertTrue(bucket.tryTake(1000) > 0, "only a full bucket pays for a batch larger than it");
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
        assertEquals(0, bucket.tryTake(1000));
        // 900 tokens of debt: the next single request waits 90.1 s
        assertEquals(90.1, seconds(bucket.tryTake()), 1e-6);
        bucket.charge(100);
        assertEquals(100.1, seconds(bucket.tryTake()), 1e-6);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1, now::get));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, 0, now::get));
    }
}
