package io.sanctionsrisk.gateway.isolation;

import io.sanctionsrisk.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caps the requests one client has under way at once (counted from the token check to the end of the answer), so a
 * client whose requests stall (bodies that never come, answers read slowly) holds at most this many of the gateway's
 * backend connections and buffers. Keyed like the rate limit.
 */
@ApplicationScoped
public class InFlightLimiter {

    private final int max;
    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    public InFlightLimiter(GatewayConfig config) {
        this.max = config.isolation().maxInFlightPerClient();
        if (max < 1) {
            throw new IllegalArgumentException("gateway.isolation.max-in-flight-per-client must be at least 1");
        }
    }

    /** Counts one more request of the client, unless it already has the most it may; release each one taken. */
    public boolean tryAcquire(String clientKey) {
        boolean[] taken = {false};
        inFlight.compute(clientKey, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= max) {
                return now;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    public void release(String clientKey) {
        inFlight.computeIfPresent(clientKey, (key, count) -> count <= 1 ? null : count - 1);
    }

    /** Requests of the client under way now. */
    public int inFlight(String clientKey) {
        return inFlight.getOrDefault(clientKey, 0);
    }

    public int max() {
        return max;
    }
}
