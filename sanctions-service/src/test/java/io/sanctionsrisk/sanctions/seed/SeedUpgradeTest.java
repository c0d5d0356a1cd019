package io.sanctionsrisk.sanctions.seed;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsrisk.sanctions.csv.CsvFormatException;
import io.sanctionsrisk.sanctions.csv.CsvReader;
import io.sanctionsrisk.sanctions.csv.CsvWriter;
import io.sanctionsrisk.sanctions.importing.ImportReport;
import io.sanctionsrisk.sanctions.support.Api;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A running database takes a new curated release: upserted by key, retired rows removed, one version step. */
@QuarkusTest
class SeedUpgradeTest {

    private static final String OLD_KEY = "2016-AFRICA-BANK-UNNAMED";
    private static final String NEW_KEY = "2016-AFRICAN-BANK-UNNAMED";
    private static final String INCIDENTS = "/api/v1/incidents";

    @Inject
    SeedLoader seedLoader;

    @Inject
    SeedFiles files;

    @AfterEach
    void restoreTheShippedRelease() {
        seedLoader.load(true);
        Api.as("viewer").get(INCIDENTS + "/" + OLD_KEY).then().statusCode(200);
        Api.as("viewer").get(INCIDENTS + "/" + NEW_KEY).then().statusCode(404);
    }

    @Test
    void takesANewReleaseWithNewColumnsAndARenamedRowWithoutDuplicates() throws Exception {
        seedLoader.load(true);
        long before = Api.dataVersion();
        long incidents = Api.state().incidents();
        byte[][] release = release();

        ImportReport report = seedLoader.load(release, false).orElseThrow();

        assertEquals(before + 1, Api.dataVersion(), "one release, one data version step");
        assertEquals(before + 1, report.dataVersion());
        assertEquals(1, report.created().incidents(), "the renamed row");
        assertEquals(incidents, Api.state().incidents(), "the renamed row replaced its old key: no duplicate");
        Api.as("viewer").get(INCIDENTS + "/" + OLD_KEY).then().statusCode(404);
        // The retired row and its replacement are in the history, as the seed, at the release's data version.
        Api.steward()
                .queryParam("entity", "incident")
                .queryParam("key", OLD_KEY)
                .queryParam("subject", "system:seed")
                .get("/api/v1/history")
                .then()
                .statusCode(200)
                .body("items[-1].action", equalTo("deleted"))
                .body("items[-1].via", equalTo("seed"))
                .body("items[-1].dataVersion", equalTo((int) before + 1))
                .body("items[-1].before.key", equalTo(OLD_KEY));
        Api.steward()
                .queryParam("entity", "incident")
                .queryParam("key", NEW_KEY)
                .get("/api/v1/history")
                .then()
                .statusCode(200)
                .body("items[-1].action", equalTo("created"))
                .body("items[-1].dataVersion", equalTo((int) before + 1));
        Api.as("viewer")
                .get(INCIDENTS + "/" + NEW_KEY)
                .then()
                .statusCode(200)
                .body("country", nullValue())
                .body("region", equalTo("africa"));
        Api.as("viewer")
                .get(INCIDENTS + "/2016-02-BANGLADESH-BANK")
                .then()
                .statusCode(200)
                .body("attributedOn", equalTo("2017-03-22"))
                .body("attributedBy", equalTo("US officials (press)"))
                .body("reportedOn", equalTo("2016-03-07"));

        assertTrue(seedLoader.load(release, false).isEmpty(), "the same release is not read again");
        ImportReport again = seedLoader.load(release, true).orElseThrow();
        assertEquals(0, again.created().total() + again.updated().total());
        assertEquals(before + 1, Api.dataVersion(), "loading a release again changes nothing");
    }

    @Test
    void keepsARetiredRowThatAStewardEditedSince() throws Exception {
        seedLoader.load(true);
        var edited = Api.as("viewer")
                .get(INCIDENTS + "/" + OLD_KEY)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        edited.put("note", "Checked by the steward");
        edited.remove("audit");
        Api.steward().body(edited).put(INCIDENTS + "/" + OLD_KEY).then().statusCode(200);

        seedLoader.load(release(), false).orElseThrow();

        Api.as("viewer")
                .get(INCIDENTS + "/" + OLD_KEY)
                .then()
                .statusCode(200)
                .body("note", equalTo("Checked by the steward"));
        Api.as("viewer").get(INCIDENTS + "/" + NEW_KEY).then().statusCode(200);
    }

    /**
     * The shipped files, with incidents.csv given whichever optional columns it lacks at its end, the unnamed
     * African bank under a new key with its region instead of a country, and dates on the Bangladesh Bank row.
     */
    private byte[][] release() throws IOException, CsvFormatException {
        String incidents = new String(files.read("incidents.csv"), StandardCharsets.UTF_8);
        List<CsvReader.Row> rows = CsvReader.read(new StringReader(incidents));
        List<String> header = rows.get(0).fields();
        int key = header.indexOf("key");
        int country = header.indexOf("country");
        StringWriter text = new StringWriter();
        CsvWriter csv = new CsvWriter(text);
        List<String> newHeader = new ArrayList<>(header);
        for (String optional : List.of("attributed_on", "attributed_by", "reported_on", "region")) {
            if (!newHeader.contains(optional)) {
                newHeader.add(optional);
            }
        }
        csv.row(newHeader);
        for (CsvReader.Row row : rows.subList(1, rows.size())) {
            List<String> fields = new ArrayList<>(row.fields());
            while (fields.size() < newHeader.size()) {
                fields.add("");
            }
            if (fields.get(key).equals(OLD_KEY)) {
                fields.set(key, NEW_KEY);
                fields.set(country, "");
                fields.set(newHeader.indexOf("region"), "africa");
            } else if (fields.get(key).equals("2016-02-BANGLADESH-BANK")) {
                fields.set(newHeader.indexOf("attributed_on"), "2017-03-22");
                fields.set(newHeader.indexOf("attributed_by"), "US officials (press)");
                fields.set(newHeader.indexOf("reported_on"), "2016-03-07");
            }
            csv.row(fields);
        }
        return new byte[][] {
            files.read("actors.csv"),
            files.read("sanctions.csv"),
            text.toString().getBytes(StandardCharsets.UTF_8)
        };
    }
}
