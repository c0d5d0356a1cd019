package io.sanctionsrisk.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static final List<String> READERS = List.of("viewer", "admin");

    private final RouteTable table = RouteTable.of(
            List.of(
                    entry("model", "/api/v1/model", Map.of()),
                    entry("fits", "/api/v1/model/fits", Map.of("POST", List.of("policy", "admin"))),
                    entry("incidents", "/api/v1/incidents", Map.of("post", List.of("steward")))),
            READERS,
            Set.of("risk", "sanctions"));

    @Test
    void longestPrefixWinsAtSegmentBoundaries() {
        assertEquals("fits", table.match("/api/v1/model/fits").orElseThrow().name());
        assertEquals("fits", table.match("/api/v1/model/fits/7").orElseThrow().name());
        assertEquals("model", table.match("/api/v1/model/fitsX").orElseThrow().name());
        assertEquals("model", table.match("/api/v1/model").orElseThrow().name());
        assertTrue(table.match("/api/v1/modelX").isEmpty());
        assertTrue(table.match("/api/v1").isEmpty());
    }

    @Test
    void getAndHeadGoToTheReadersAndOtherMethodsToTheirRoles() {
        Route fits = table.match("/api/v1/model/fits").orElseThrow();
        assertEquals(Set.copyOf(READERS), fits.rolesFor("GET"));
        assertEquals(Set.copyOf(READERS), fits.rolesFor("HEAD"));
        assertEquals(Set.of("policy", "admin"), fits.rolesFor("POST"));
        assertNull(fits.rolesFor("DELETE"));
        assertEquals("GET, HEAD, POST", fits.allowHeader());
        assertEquals(
                Set.of("steward"),
                table.match("/api/v1/incidents").orElseThrow().rolesFor("POST"));
    }

    @Test
    void refusesATableThatCouldRouteWrongly() {
        IllegalArgumentException problem = assertThrows(
                IllegalArgumentException.class,
                () -> RouteTable.of(
                        List.of(
                                entry("a", "/api/v1/x/", Map.of()),
                                entry("b", "/api/v1/../y", Map.of()),
                                entry("c", "/api/v1/z", Map.of("TRACE", List.of("admin"))),
                                entry("d", "/api/v1/z", Map.of("POST", List.of(" "))),
                                new RouteTable.Entry("e", "/api/v1/w", "nowhere", Map.of(), 1)),
                        READERS,
                        Set.of("risk")));
        String message = problem.getMessage();
        assertTrue(message.contains("gateway.routes.a.prefix"), message);
        assertTrue(message.contains("gateway.routes.b.prefix"), message);
        assertTrue(message.contains("gateway.routes.c.methods.TRACE"), message);
        assertTrue(message.contains("also the prefix of route c"), message);
        assertTrue(message.contains("gateway.routes.d.methods.POST names no role"), message);
        assertTrue(message.contains("gateway.routes.e.backend 'nowhere'"), message);
    }

    @Test
    void canonicalPathsOnly() {
        assertTrue(RequestPaths.isCanonical("/api/v1/incidents/BB-2016"));
        assertTrue(RequestPaths.isCanonical("/api/v1/actors/Lazarus%20Group"));
        assertTrue(RequestPaths.isCanonical("/api/v1/incidents/"));
        for (String bad : List.of(
                "",
                "api/v1",
                "/api/v1/../q",
                "/api/v1/./x",
                "/api/v1/..",
                "/api//v1",
                "/api/v1/a%2fb",
                "/api/v1/%2E%2E",
                "/api/v1/a%5cb",
                "/api/v1/a%25",
                "/api/v1/a%0a",
                "/api/v1/a%",
                "/api/v1/a%zz",
                "/api/v1/a;b",
                "/api/v1/a\\b",
                "/api/v1/\u00e9")) {
            assertFalse(RequestPaths.isCanonical(bad), bad);
        }
    }

    private static RouteTable.Entry entry(String name, String prefix, Map<String, List<String>> methods) {
        return new RouteTable.Entry(name, prefix, name.equals("incidents") ? "sanctions" : "risk", methods, 1024);
    }
}
