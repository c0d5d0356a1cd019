package io.sanctionsrisk.risk.refit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.sanctionsrisk.risk.audit.AuditRecord;
import io.sanctionsrisk.risk.audit.AuditTrail;
import io.sanctionsrisk.risk.snapshot.ModelSnapshotRepository;
import io.sanctionsrisk.risk.testing.SanctionsServiceProcess;
import io.sanctionsrisk.risk.testing.WithSanctionsService;
import io.sanctionsrisk.testing.ForgedTokens;
import io.sanctionsrisk.testing.Tokens;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refits are audited: one asked for through the API with the caller's token, one the service runs itself under its
 * own name, each with the digest of the fitted inputs (the snapshot's input digest) and the outcome.
 */
@QuarkusTest
@TestProfile(WithSanctionsService.OnDemand.class)
class RefitAuditTest {

    private final AuditTrail audit;
    private final SyncScheduler scheduler;
    private final ModelSnapshotRepository snapshots;

    RefitAuditTest(AuditTrail audit, SyncScheduler scheduler, ModelSnapshotRepository snapshots) {
        this.audit = audit;
        this.scheduler = scheduler;
        this.snapshots = snapshots;
    }

    @BeforeEach
    void sanctionsServiceRuns() {
        SanctionsServiceProcess.ensureRunning();
    }

    @Test
    void aRefitOnDemandIsAuditedWithTheCallerAndTheFittedInputs() {
        String token = Tokens.forUser("steward");
        JsonPath refit = given().auth()
                .oauth2(token)
                .post("/api/v1/model/refits")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        long snapshotId = refit.getLong("model.snapshotId");

        AuditRecord row = latest("refit");
        assertEquals(ForgedTokens.claims(token).path("sub").asText(), row.getSubject());
        assertEquals("dashboard", row.getClientId());
        assertEquals(refit.getString("outcome"), row.getOutcome());
        assertEquals(snapshotId, row.getSnapshotId());
        assertEquals(refit.getLong("model.versions.data"), row.getDataVersion());
        assertEquals(snapshots.findById(snapshotId).getInputDigest(), row.getInputsDigest());
        assertEquals(refit.getInt("model.data.events"), row.getItemCount());
    }

    @Test
    void aRefitTheServiceRunsItselfIsAuditedUnderItsOwnName() {
        String outcome = scheduler.check();
        AuditRecord row = latest("scheduled-refit");
        assertTrue(row.getSubject().startsWith("risk-service:"), row.getSubject());
        assertNull(row.getClientId());
        assertTrue(List.of("created", "reused", "unchanged").contains(row.getOutcome()), row.getOutcome());
        assertEquals(outcome, row.getOutcome());
        assertEquals(64, row.getInputsDigest().length());
    }

    private AuditRecord latest(String action) {
        return audit.latest(50).stream()
                .filter(r -> r.getAction().equals(action))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " audit row"));
    }
}
