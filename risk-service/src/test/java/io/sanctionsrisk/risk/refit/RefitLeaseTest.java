package io.sanctionsrisk.risk.refit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The refit lease in the database: one holder at a time, whichever replica asks. */
@QuarkusTest
class RefitLeaseTest {

    private final RefitLeases leases;

    RefitLeaseTest(RefitLeases leases) {
        this.leases = leases;
    }

    @Test
    void oneHolderAtATimeUntilReleased() {
        String a = "replica-a/" + UUID.randomUUID();
        String b = "replica-b/" + UUID.randomUUID();
        assertTrue(leases.tryAcquire(a));
        try {
            assertFalse(leases.tryAcquire(b), "a second holder while the first holds it");
            assertFalse(leases.tryAcquire(a), "not re-entrant either");
            leases.release(b); // releasing someone else's lease does nothing
            assertFalse(leases.tryAcquire(b));
        } finally {
            leases.release(a);
        }
        assertTrue(leases.tryAcquire(b));
        leases.release(b);
    }
}
