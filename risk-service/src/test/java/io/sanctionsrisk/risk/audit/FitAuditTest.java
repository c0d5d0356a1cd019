package io.sanctionsrisk.risk.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sanctionsrisk.risk.model.FitRequest;
import io.sanctionsrisk.testing.ForgedTokens;
import io.sanctionsrisk.testing.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every inline fit leaves an audit row: the caller, the digest of its inputs, the events and how it ended. */
@QuarkusTest
class FitAuditTest {

    private static final String FITS = "/api/v1/model/fits";

    private final AuditTrail audit;
    private final ObjectMapper mapper;

    FitAuditTest(AuditTrail audit, ObjectMapper mapper) {
        this.audit = audit;
        this.mapper = mapper;
    }

    @Test
    void aFitIsAuditedWithItsCallerInputsAndOutcome() throws Exception {
        String token = Tokens.forUser("policy");
        String body = "{\"windowDays\": 3650, \"events\": [12.5, 40.0, 41.2, 300.7, 1210.0, 1211.5, 2400.25],"
                + " \"sanctions\": [{\"time\": -30, \"weight\": 5}, {\"time\": 1100, \"weight\": 3}],"
                + " \"kernelShape\": 2, \"timeBudgetMillis\": 10000}";
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(FITS)
                .then()
                .statusCode(200);

        AuditRecord row = latest("inline-fit");
        assertEquals(ForgedTokens.claims(token).path("sub").asText(), row.getSubject());
        assertEquals("dashboard", row.getClientId());
        assertEquals(InputsDigest.of(mapper.readValue(body, FitRequest.class)), row.getInputsDigest());
        assertEquals(7, row.getItemCount());
        assertEquals("fitted", row.getOutcome());
        assertTrue(row.getModelVersion() != null && !row.getModelVersion().isBlank());
    }

    @Test
    void aRefusedFitIsAuditedAsInvalid() throws Exception {
        String token = Tokens.forUser("admin");
        String body = mapper.writeValueAsString(Map.of("windowDays", 100, "events", List.of(5.0, 500.0)));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(FITS)
                .then()
                .statusCode(422);
        AuditRecord row = latest("inline-fit");
        assertEquals("invalid", row.getOutcome());
        assertEquals(InputsDigest.of(mapper.readValue(body, FitRequest.class)), row.getInputsDigest());
        assertEquals(2, row.getItemCount());
        assertEquals(ForgedTokens.claims(token).path("sub").asText(), row.getSubject());
    }

    private AuditRecord latest(String action) {
        return audit.latest(50).stream()
                .filter(r -> r.getAction().equals(action))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " audit row"));
    }
}
