package io.sanctionsrisk.sanctions.seed;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsrisk.sanctions.importing.ImportReport;
import io.sanctionsrisk.sanctions.support.Api;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SeedLoaderTest {

    @Inject
    SeedLoader seedLoader;

    @Inject
    TaxonomyLoader taxonomyLoader;

    @Test
    void loadsTheCuratedRecordsThroughTheImportPath() {
        seedLoader.load(true);
        Api.as("viewer")
                .get("/api/v1/sanctions/UNSC-2094")
                .then()
                .statusCode(200)
                .body("authority", equalTo("UNSC"))
                .body("measures", hasItem("bulk-cash-ban"));
        Api.as("viewer").get("/api/v1/actors/APT38").then().statusCode(200);
        Api.as("viewer")
                .queryParam("actor", "APT38")
                .get("/api/v1/incidents")
                .then()
                .statusCode(200)
                .body("totalItems", greaterThanOrEqualTo(1));
    }

    @Test
    void putsBackADeletedSeedRecordAsTheSeedWriter() {
        seedLoader.load(true);
        Api.steward().delete("/api/v1/incidents/2016-02-BANGLADESH-BANK").then().statusCode(204);
        ImportReport report = seedLoader.load(true).orElseThrow();
        assertEquals(1, report.created().incidents());
        Api.as("viewer")
                .get("/api/v1/incidents/2016-02-BANGLADESH-BANK")
                .then()
                .statusCode(200)
                .body("audit.createdBy", equalTo("system:seed"))
                .body("audit.createdByClient", equalTo("sanctions-service"));
    }

    @Test
    void changesNothingWhenLoadedAgain() {
        seedLoader.load(true);
        long version = Api.dataVersion();
        ImportReport again = seedLoader.load(true).orElseThrow();
        assertEquals(0, again.created().total());
        assertEquals(0, again.updated().total());
        assertTrue(again.unchanged().incidents() >= 40, "the seed holds at least 40 incidents");
        assertEquals(version, Api.dataVersion());
        assertTrue(seedLoader.load(false).isEmpty(), "files already loaded are not read again");
        assertEquals(0, taxonomyLoader.sync(), "the taxonomy is in line with its files");
        assertEquals(version, Api.dataVersion());
    }
}
