package io.sanctionsrisk.sanctions.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VersionedCacheTest {

    private final VersionedCache cache = new VersionedCache();
    private final AtomicInteger computed = new AtomicInteger();

    private int value(long version, String query) {
        return cache.get(version, query, computed::incrementAndGet);
    }

    @Test
    void computesOncePerVersionAndQuery() {
        assertEquals(1, value(7, "a"));
        assertEquals(1, value(7, "a"));
        assertEquals(2, value(7, "b"));
        assertEquals(2, computed.get());
    }

    @Test
    void recomputesWhenTheDataVersionMovesOn() {
        assertEquals(1, value(7, "a"));
        assertEquals(2, value(8, "a"));
        assertEquals(2, value(8, "a"));
    }

    @Test
    void neverCachesForAReaderOfAnOlderVersion() {
        value(8, "a");
        assertEquals(2, value(7, "a"));
        assertEquals(3, value(7, "a"));
        assertEquals(1, value(8, "a"));
    }
}
