package io.sanctionsrisk.gateway.http;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsrisk.gateway.routing.Route;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BrowserWritesTest {

    private final BrowserWrites rule =
            new BrowserWrites(List.of("dashboard"), "sanctions-risk.write", List.of("incidents"));
    private final Route incidents = new Route(
            "incidents", "/api/v1/incidents", "sanctions", Map.of("GET", Set.of("admin"), "POST", Set.of("admin")), 1);
    private final Route scenarios = new Route(
            "scenarios", "/api/v1/scenarios", "risk", Map.of("GET", Set.of("admin"), "POST", Set.of("admin")), 1);

    @Test
    void aBrowserTokenReadsButDoesNotWriteWithoutTheScope() {
        assertNull(rule.refusal(incidents, "GET", "dashboard", "openid profile"));
        assertNull(rule.refusal(incidents, "HEAD", "dashboard", null));
        String refusal = rule.refusal(incidents, "POST", "dashboard", "openid profile email");
        assertNotNull(refusal);
        assertTrue(refusal.contains("sanctions-risk.write"), refusal);
        assertNotNull(rule.refusal(incidents, "DELETE", "dashboard", null));
        assertNotNull(rule.refusal(incidents, "PUT", "dashboard", "sanctions-risk.writer"));
    }

    @Test
    void theExplicitScopeOrAMachineClientMayWrite() {
        assertNull(rule.refusal(incidents, "POST", "dashboard", "openid sanctions-risk.write profile"));
        assertNull(rule.refusal(incidents, "POST", "steward-sync", "profile"));
        assertNull(rule.refusal(incidents, "POST", null, null), "no azp: not a browser client this rule knows");
    }

    @Test
    void analysesAreNotWrites() {
        assertNull(rule.refusal(scenarios, "POST", "dashboard", "openid"));
    }
}
