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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
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

        HttpResponse<String> imported =
                Http.send("POST", gateway + "/api/v1/imports", feed, "application/stix+json", bundle("E2E-FLOW-HEIST"));
        assertEquals(200, imported.statusCode(), imported.body());
        JsonNode report = JSON.readTree(imported.body());
        assertEquals(1, report.path("created").path("incidents").asInt(), imported.body());
        assertEquals(1, report.path("created").path("actors").asInt(), imported.body());
        long dataVersion = report.path("dataVersion").asLong();

        HttpResponse<String> again =
                Http.send("POST", gateway + "/api/v1/imports", feed, "application/stix+json", bundle("E2E-FLOW-HEIST"));
        assertEquals(200, again.statusCode(), again.body());
        JsonNode unchanged = JSON.readTree(again.body()).path("unchanged");
        assertEquals(1, unchanged.path("incidents").asInt(), again.body());
        assertEquals(1, unchanged.path("actors").asInt(), again.body());
        assertEquals(
                dataVersion, JSON.readTree(again.body()).path("dataVersion").asLong(), "a re-import is a no-op");

        String viewer = Tokens.bearerForUser("viewer");
        HttpResponse<String> incident = Http.get(gateway + "/api/v1/incidents/E2E-FLOW-HEIST", viewer);
        assertEquals(200, incident.statusCode(), incident.body());
        assertEquals(
                "south-eastern-asia",
                JSON.readTree(incident.body()).path("region").asText());

        JsonNode model = awaitModelAtDataVersion(gateway, viewer, dataVersion);
        assertTrue(model.path("parameters").path("mu").asDouble() > 0, model.toString());

        scoreABatchAsTheBankSystem(gateway);
        runAndRerunAScenarioAsThePolicyAnalyst(gateway);
        readTheHeatmapAsTheViewer(gateway);
    }

    /** The bank's risk engine scores its portfolio in one batch, with its client-credentials token. */
    private static void scoreABatchAsTheBankSystem(String gateway) throws IOException {
        String bank = Tokens.bearerForClient("bank-risk-engine");
        String portfolio = """
                [{"id": "hq", "sector": "commercial-bank", "country": "BD", "horizonDays": 365},
                 {"id": "desk", "sector": "crypto-exchange", "country": "SG", "horizonDays": 365,
                  "exposure": {"cryptoCustody": "hot-wallet", "controlMaturity": "basic"}},
                 {"id": "branch", "sector": "commercial-bank", "country": "CL", "horizonDays": 90}]""";
        HttpResponse<String> scored =
                Http.send("POST", gateway + "/api/v1/scores/batch", bank, "application/json", portfolio);
        assertEquals(200, scored.statusCode(), scored.body());
        JsonNode batch = JSON.readTree(scored.body());
        assertEquals(3, batch.path("count").asInt(), scored.body());
        for (JsonNode result : batch.path("results")) {
            double score = result.path("score").asDouble(-1);
            assertTrue(score >= 0 && score <= 100, result.toString());
            assertTrue(result.path("expectedCount").asDouble() > 0, result.toString());
            assertTrue(
                    Set.of("low", "moderate", "high", "severe")
                            .contains(result.path("band").asText()),
                    result.toString());
        }
        JsonNode desk = batch.path("results").get(1);
        assertEquals("desk", desk.path("id").asText());
        assertEquals("south-eastern-asia", desk.path("region").asText(), desk.toString());

        // The same institution alone gets the same answer as inside the batch.
        HttpResponse<String> single = Http.send(
                "POST",
                gateway + "/api/v1/scores",
                bank,
                "application/json",
                "{\"id\": \"hq\", \"sector\": \"commercial-bank\", \"country\": \"BD\", \"horizonDays\": 365}");
        assertEquals(200, single.statusCode(), single.body());
        assertEquals(
                batch.path("results").get(0).path("expectedCount").asDouble(),
                JSON.readTree(single.body()).path("expectedCount").asDouble());

        // A viewer may not score.
        assertEquals(
                403,
                Http.send(
                                "POST",
                                gateway + "/api/v1/scores/batch",
                                Tokens.bearerForUser("viewer"),
                                "application/json",
                                portfolio)
                        .statusCode());
    }

    /** A policy analyst asks what one more sanctions package next month would do, and re-runs it. */
    private static void runAndRerunAScenarioAsThePolicyAnalyst(String gateway) throws IOException {
        String policy = Tokens.bearerForUser("policy");
        String nextMonth = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
        String scenario = """
                {"name": "one more package", "horizonDays": 365, "paths": 2000, "seed": 20261127,
                 "addSanctions": [{"date": "%s", "severity": 4, "authority": "UNSC"}]}""".formatted(nextMonth);
        HttpResponse<String> ran =
                Http.send("POST", gateway + "/api/v1/scenarios", policy, "application/json", scenario);
        assertEquals(201, ran.statusCode(), ran.body());
        JsonNode saved = JSON.readTree(ran.body());
        JsonNode total = saved.path("result").path("total");
        assertTrue(
                total.path("scenario").path("count").path("mean").asDouble()
                        >= total.path("baseline").path("count").path("mean").asDouble(),
                "a sanction with positive weight lowered the expected count: " + total);
        String id = saved.path("id").asText();
        assertTrue(!id.isEmpty(), ran.body());

        HttpResponse<String> rerun =
                Http.send("POST", gateway + "/api/v1/scenarios/" + id + "/runs", policy, "application/json", null);
        assertTrue(rerun.statusCode() == 200 || rerun.statusCode() == 201, rerun.body());
        assertTrue(JSON.readTree(rerun.body()).path("identical").asBoolean(), rerun.body());

        HttpResponse<String> read = Http.get(gateway + "/api/v1/scenarios/" + id, Tokens.bearerForUser("viewer"));
        assertEquals(200, read.statusCode(), read.body());
    }

    /** The compliance dashboard's view: every cell, summing to the total. */
    private static void readTheHeatmapAsTheViewer(String gateway) throws IOException {
        HttpResponse<String> heatmap =
                Http.get(gateway + "/api/v1/heatmap?horizonDays=365", Tokens.bearerForUser("viewer"));
        assertEquals(200, heatmap.statusCode(), heatmap.body());
        JsonNode map = JSON.readTree(heatmap.body());
        double sum = 0;
        for (JsonNode cell : map.path("cells")) {
            sum += cell.path("expectedCount").asDouble();
        }
        double total = map.path("total").path("expectedCount").asDouble();
        assertTrue(total > 0, heatmap.body());
        assertEquals(total, sum, 1e-9 * total, "the cells do not sum to the total");
    }

    static JsonNode awaitModelAtDataVersion(String gateway, String authorization, long dataVersion) throws IOException {
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
    static String bundle(String key) {
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
                   "extensions": {"extension-definition--a562c478-7827-5858-b108-8f3cd62ac6dc": {
                     "extension_type": "property-extension", "first_action_date": "2025-07-01",
                     "date_precision": "day", "vector": "exchange-hot-wallet", "attempted_usd": 5000000,
                     "realised_usd": 4000000, "destructive": false}}},
                  {"type": "identity", "spec_version": "2.1", "id": "%s", %s, "name": "Flow Exchange",
                   "identity_class": "organization", "sectors": ["financial-services"],
                   "extensions": {"extension-definition--a562c478-7827-5858-b108-8f3cd62ac6dc": {
                     "extension_type": "property-extension", "sector": "crypto-exchange"}}},
                  {"type": "location", "spec_version": "2.1", "id": "%s", %s, "country": "SG",
                   "region": "south-eastern-asia"},
                  {"type": "intrusion-set", "spec_version": "2.1", "id": "%s", %s, "name": "Flow Crew",
                   "aliases": ["Flow Alias"],
                   "external_references": [{"source_name": "sanctionsrisk", "external_id": "%s-CREW"}]},
                  {"type": "relationship", "spec_version": "2.1", "id": "relationship--%s", %s,
                   "relationship_type": "targets", "source_ref": "%s", "target_ref": "%s"},
                  {"type": "relationship", "spec_version": "2.1", "id": "relationship--%s", %s,
                   "relationship_type": "targets", "source_ref": "%s", "target_ref": "%s"},
                  {"type": "relationship", "spec_version": "2.1", "id": "relationship--%s", %s,
                   "relationship_type": "attributed-to", "source_ref": "%s", "target_ref": "%s", "confidence": 70},
                  {"type": "malware", "spec_version": "2.1", "id": "malware--%s", %s, "name": "unknown to the service",
                   "is_family": true}
                ]}""".formatted(
                        uuid(key + "/bundle"),
                        incident,
                        created,
                        key,
                        victim,
                        created,
                        location,
                        created,
                        actor,
                        created,
                        key,
                        uuid(key + "/r1"),
                        created,
                        incident,
                        victim,
                        uuid(key + "/r2"),
                        created,
                        incident,
                        location,
                        uuid(key + "/r3"),
                        created,
                        incident,
                        actor,
                        uuid(key + "/malware"),
                        created);
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
