package io.sanctionsrisk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsrisk.testing.Tokens;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The suite used the way its users use it, only through the gateway: a data-stewardship feed imports a STIX bundle,
 * the risk-service refits on the new data version, and the other roles read what follows from it.
 */
class RealFlowIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aStixImportByTheStewardFeedReachesTheServedModel() throws IOException {
        Suite suite = Suite.get();
        String gateway = suite.gateway.baseUrl();
        String feed = Tokens.bearerForClient("steward-sync");

        HttpResponse<String> imported = Http.send(
                "POST", gateway + "/api/v1/imports", feed, "application/stix+json", bundle("E2E-FLOW-HEIST"));
        assertEquals(200, imported.statusCode(), imported.body());
        JsonNode report = JSON.readTree(imported.body());
        assertEquals(1, report.path("created").path("incidents").asInt(), imported.body());
        assertEquals(1, report.path("created").path("actors").asInt(), imported.body());
        long dataVersion = report.path("dataVersion").asLong();

        HttpResponse<String> again = Http.send(
                "POST", gateway + "/api/v1/imports", feed, "application/stix+json", bundle("E2E-FLOW-HEIST"));
        assertEquals(200, again.statusCode(), again.body());
        JsonNode unchanged = JSON.readTree(again.body()).path("unchanged");
        assertEquals(1, unchanged.path("incidents").asInt(), again.body());
        assertEquals(1, unchanged.path("actors").asInt(), again.body());
        assertEquals(dataVersion, JSON.readTree(again.body()).path("dataVersion").asLong(), "a re-import is a no-op");

        String viewer = Tokens.bearerForUser("viewer");
        HttpResponse<String> incident = Http.get(gateway + "/api/v1/incidents/E2E-FLOW-HEIST", viewer);
        assertEquals(200, incident.statusCode(), incident.body());
        assertEquals("south-eastern-asia", JSON.readTree(incident.body()).path("region").asText());

        JsonNode model = awaitModelAtDataVersion(gateway, viewer, dataVersion);
        assertTrue(model.path("parameters").path("mu").asDouble() > 0, model.toString());
    }

    private static JsonNode awaitModelAtDataVersion(String gateway, String authorization, long dataVersion)
            throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        JsonNode model = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = Http.get(gateway + "/api/v1/model", authorization);
            if (response.statusCode() == 200) {
                model = JSON.readTree(response.body());
                if (model.path("versions").path("data").asLong() >= dataVersion) {
                    return model;
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("the served model did not reach data version " + dataVersion + ": " + model);
    }

    /** A STIX 2.1 bundle with one heist on a crypto exchange, its victim, location and a new intrusion set. */
    private static String bundle(String key) {
        String incident = "incident--" + uuid(key);
        String victim = "identity--" + uuid(key + "/victim");
        String location = "location--" + uuid(key + "/location");
        String actor = "intrusion-set--" + uuid(key + "/actor");
        String created = "\"created\": \"2025-07-02T00:00:00.000Z\", \"modified\": \"2025-07-02T00:00:00.000Z\"";
        return """
                {"type": "bundle", "id": "bundle--%s", "objects": [
                  {"type": "incident", "spec_version": "2.1", "id": "%s", %s, "name": "End-to-end flow heist",
                   "external_references": [{"source_name": "sanctionsrisk", "external_id": "%s"},
                                           {"source_name": "end-to-end test", "url": "https://example.invalid/flow"}],
                   "x_sanctionsrisk_first_action_date": "2025-07-01", "x_sanctionsrisk_date_precision": "day",
                   "x_sanctionsrisk_vector": "exchange-hot-wallet", "x_sanctionsrisk_attempted_usd": 5000000,
                   "x_sanctionsrisk_realised_usd": 4000000, "x_sanctionsrisk_destructive": false},
                  {"type": "identity", "spec_version": "2.1", "id": "%s", %s, "name": "Flow Exchange",
                   "identity_class": "organization", "sectors": ["financial-services"],
                   "x_sanctionsrisk_sector": "crypto-exchange"},
                  {"type": "location", "spec_version": "2.1", "id": "%s", %s, "country": "SG",
                   "region": "south-eastern-asia"},
                  {"type": "intrusion-set", "spec_version": "2.1", "id": "%s", %s, "name": "Flow Crew",
                   "aliases": ["Flow Alias"],
                   "external_references": [{"source_name": "sanctionsrisk", "external_id": "E2E-FLOW-CREW"}]},
                  {"type": "relationship", "spec_version": "2.1", "id": "relationship--%s", %s,
                   "relationship_type": "targets", "source_ref": "%s", "target_ref": "%s"},
                  {"type": "relationship", "spec_version": "2.1", "id": "relationship--%s", %s,
                   "relationship_type": "targets", "source_ref": "%s", "target_ref": "%s"},
                  {"type": "relationship", "spec_version": "2.1", "id": "relationship--%s", %s,
                   "relationship_type": "attributed-to", "source_ref": "%s", "target_ref": "%s", "confidence": 70},
                  {"type": "malware", "spec_version": "2.1", "id": "malware--%s", %s, "name": "unknown to the service",
                   "is_family": true}
                ]}"""
                .formatted(
                        uuid(key + "/bundle"),
                        incident, created, key,
                        victim, created,
                        location, created,
                        actor, created,
                        uuid(key + "/r1"), created, incident, victim,
                        uuid(key + "/r2"), created, incident, location,
                        uuid(key + "/r3"), created, incident, actor,
                        uuid(key + "/malware"), created);
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
