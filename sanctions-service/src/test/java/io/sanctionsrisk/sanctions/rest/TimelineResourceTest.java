package io.sanctionsrisk.sanctions.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsrisk.sanctions.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The timeline over 1987 and 1988, years only this test writes to. */
@QuarkusTest
class TimelineResourceTest {

    private static final String PATH = "/api/v1/timeline";

    private static void incident(String date, String precision, Long attempted, Long realised) {
        Map<String, Object> incident = Api.incident(Api.key("TL"), null);
        incident.put("firstActionDate", date);
        incident.put("datePrecision", precision);
        incident.remove("intrusionStartDate");
        incident.put("attemptedUsd", attempted);
        incident.put("realisedUsd", realised);
        Api.createIncident(incident);
    }

    /** Four heists and a sanction in the given year, which no other test writes to. */
    private static void data(int year) {
        incident(year + "-02-10", "day", 100L, 40L);
        incident(year + "-02-20", "day", 50L, null);
        incident(year + "-05-01", "month", 10L, 10L);
        incident(year + "-01-01", "year", null, null);
        Map<String, Object> sanction = Api.sanction(Api.key("TLS"));
        sanction.put("announcedDate", year + "-04-28");
        sanction.put("effectiveDate", year + "-05-02");
        Api.createSanction(sanction);
    }

    @Test
    void countsHeistsAndLossesPerMonthWithTheSanctionsInEach() {
        data(1987);
        Api.as("viewer")
                .queryParam("from", "1987-01-01")
                .queryParam("to", "1987-12-31")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("bucket", equalTo("month"))
                .body("buckets", hasSize(12))
                .body("buckets[0].label", equalTo("1987-01"))
                .body("buckets[0].heists", equalTo(1))
                .body("buckets[0].impreciseHeists", equalTo(1))
                .body("buckets[1].heists", equalTo(2))
                .body("buckets[1].attemptedUsd", equalTo(150))
                .body("buckets[1].realisedUsd", equalTo(40))
                .body("buckets[1].heistsWithUnknownRealised", equalTo(1))
                .body("buckets[3].heists", equalTo(0))
                .body("buckets[4].heists", equalTo(1))
                .body("buckets[4].sanctions", hasSize(1))
                .body("buckets[4].sanctions[0].date", equalTo("1987-05-02"))
                .body("buckets[4].sanctions[0].severity", equalTo(5))
                .body("buckets[1].end", equalTo("1987-02-28"));
    }

    @Test
    void rollsUpToQuartersAndYears() {
        data(1988);
        Api.as("viewer")
                .queryParam("bucket", "quarter")
                .queryParam("from", "1988-01-01")
                .queryParam("to", "1988-12-31")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("buckets.label", equalTo(List.of("1988-Q1", "1988-Q2", "1988-Q3", "1988-Q4")))
                .body("buckets.heists", equalTo(List.of(3, 1, 0, 0)))
                .body("buckets[0].impreciseHeists", equalTo(1))
                .body("buckets[1].sanctions", hasSize(1));
        Api.as("viewer")
                .queryParam("bucket", "year")
                .queryParam("from", "1988-01-01")
                .queryParam("to", "1988-12-31")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("buckets", hasSize(1))
                .body("buckets[0].heists", equalTo(4))
                .body("buckets[0].attemptedUsd", equalTo(160))
                .body("buckets[0].impreciseHeists", equalTo(0));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"bucket,week", "from,someday", "to,1987-13-01"})
    void rejectsBadParametersWith400(String parameter, String value) {
        Api.as("viewer")
                .queryParam(parameter, value)
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType(Api.PROBLEM)
                .body("errors[0].field", equalTo(parameter));
    }

    @Test
    void rejectsMoreBucketsThanTheLimitWith400() {
        Api.as("viewer")
                .queryParam("from", "1800-01-01")
                .queryParam("to", "2020-01-01")
                .get(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("bucket"));
    }
}
