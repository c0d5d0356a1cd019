package io.sanctionsrisk.gateway.address;

import static io.sanctionsrisk.gateway.address.ClientAddressChecks.BURST;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.sanctionsrisk.gateway.ratelimit.RateLimiter;
import io.sanctionsrisk.gateway.testing.TestBackends;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The control of UntrustedPeerTest: with 127.0.0.1 in the trusted-proxy list, the address in its forwarding headers
 * is the client's, so each claimed address has its own bucket and is the one the backend is told.
 */
@QuarkusTest
@TestProfile(TrustedProxyTest.LoopbackTrusted.class)
class TrustedProxyTest {

    public static class LoopbackTrusted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return ClientAddressChecks.profile("127.0.0.1");
        }
    }

    private final RateLimiter limiter;

    TrustedProxyTest(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @BeforeEach
    void freshBuckets() {
        TestBackends.resetAll();
        limiter.forgetAll();
    }

    @Test
    void eachForwardedAddressHasItsOwnBucket() {
        ClientAddressChecks.assertAll401(ClientAddressChecks.claimingDistinctAddresses(BURST + 3));
    }

    @Test
    void theBackendIsToldTheForwardedAddress() {
        assertEquals("203.0.113.7", ClientAddressChecks.forwardedToTheBackend());
    }
}
