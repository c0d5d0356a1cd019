package io.sanctionsrisk.risk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.sanctionsrisk.risk.testing.SnapshotFixtures;
import io.sanctionsrisk.testing.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one-command local run keeps the risk-service on an H2 file database in PostgreSQL mode. On H2 too,
 * Hibernate validates the schema the migrations made at start-up, and the stored outputs (snapshots, audit rows,
 * scenarios with their large result documents, backtests) are written and read back.
 */
@QuarkusTest
@TestProfile(LocalH2ProfileTest.OnH2.class)
class LocalH2ProfileTest {

    public static class OnH2 implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.db-kind", "h2",
                    "quarkus.datasource.jdbc.url",
                            "jdbc:h2:mem:risk;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                                    + "DB_CLOSE_DELAY=-1",
                    "quarkus.datasource.username", "sa",
                    "quarkus.datasource.password", "",
                    "quarkus.flyway.clean-at-start", "false",
                    "quarkus.flyway.locations", "db/migration,db/migration-h2");
        }
    }

    private final SnapshotFixtures fixtures;

    LocalH2ProfileTest(SnapshotFixtures fixtures) {
        this.fixtures = fixtures;
    }

    @Test
    void storesAndReadsTheOutputsOnH2() {
        fixtures.simulated();
        String policy = Tokens.forUser("policy");
        int id = given().auth()
                .oauth2(policy)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "startDate", "2025-01-01",
                        "horizonDays", 365,
                        "paths", 500,
                        "seed", 7,
                        "addSanctions", List.of(Map.of("date", "2025-03-01", "severity", 4))))
                .post("/api/v1/scenarios")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(Tokens.forUser("viewer"))
                .get("/api/v1/scenarios/" + id)
                .then()
                .statusCode(200)
                .body("inputs.paths", equalTo(500))
                .body("result.total.baseline.count.mean", greaterThan(0f));
        given().auth()
                .oauth2(policy)
                .post("/api/v1/scenarios/" + id + "/runs")
                .then()
                .statusCode(200)
                .body("identical", equalTo(true));
        given().auth()
                .oauth2(Tokens.forClient("bank-risk-engine"))
                .contentType(ContentType.JSON)
                .body(Map.of("sector", "commercial-bank", "country", "IN"))
                .post("/api/v1/scores")
                .then()
                .statusCode(200)
                .body("expectedCount", greaterThan(0f));
        given().auth()
                .oauth2(policy)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "firstOrigin", "2022-01-01",
                        "stepDays", 365,
                        "windowDays", 365,
                        "kernelShape", 2,
                        "intervalPaths", 200))
                .post("/api/v1/backtests")
                .then()
                .statusCode(201);
    }
}
