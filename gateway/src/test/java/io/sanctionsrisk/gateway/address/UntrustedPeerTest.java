package io.sanctionsrisk.gateway.address;

import static io.sanctionsrisk.gateway.address.ClientAddressChecks.BURST;
import static io.sanctionsrisk.gateway.address.ClientAddressChecks.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.sanctionsrisk.gateway.ratelimit.RateLimiter;
import io.sanctionsrisk.gateway.testing.TestBackends;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forwarding headers from a peer that is not a trusted proxy are ignored: a caller on 127.0.0.1 that claims another
 * address in X-Forwarded-For or Forwarded is still limited, logged and forwarded as 127.0.0.1.
 */
@QuarkusTest
@TestProfile(UntrustedPeerTest.OnlyAnotherProxyTrusted.class)
class UntrustedPeerTest {

    public static class OnlyAnotherProxyTrusted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return ClientAddressChecks.profile("192.0.2.10");
        }
    }

    private final RateLimiter limiter;

    UntrustedPeerTest(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @BeforeEach
    void freshBuckets() {
        TestBackends.resetAll();
        limiter.forgetAll();
    }

    @Test
    void spoofedAddressesShareThePeersBucket() {
        List<Integer> statuses = ClientAddressChecks.claimingDistinctAddresses(BURST + 3);
        assertEquals(BURST, count(statuses, 401), statuses.toString());
        assertEquals(3, count(statuses, 429), statuses.toString());
    }

    @Test
    void theBackendIsToldThePeersAddress() {
        assertEquals("127.0.0.1", ClientAddressChecks.forwardedToTheBackend());
    }
}
