package io.sanctionsrisk.sanctions.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsrisk.sanctions.support.Api;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TaxonomyResourceTest {

    private static final String PATH = "/api/v1/taxonomy/";

    @Test
    void servesEveryIsoCountryWithItsSubRegion() {
        Api.as("viewer")
                .get(PATH + "countries")
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("$", hasSize(249))
                .body("find { it.alpha2 == 'KP' }.region", equalTo("eastern-asia"))
                .body("find { it.alpha2 == 'BD' }.region", equalTo("southern-asia"));
    }

    @Test
    void servesTheTwentyNineStixRegions() {
        Api.as("viewer")
                .get(PATH + "regions")
                .then()
                .statusCode(200)
                .body("$", hasSize(29))
                .body("find { it.code == 'southern-asia' }.parentCode", equalTo("asia"))
                .body("find { it.code == 'southern-asia' }.m49Code", equalTo("034"));
    }

    @Test
    void servesSectorsWithTheirStixIndustrySector() {
        Api.as("viewer")
                .get(PATH + "sectors")
                .then()
                .statusCode(200)
                .body("find { it.code == 'central-bank' }.stixIndustrySector", equalTo("financial-services"))
                .body("code", hasItem("crypto-exchange"));
    }

    @Test
    void servesTheCodeVocabularies() {
        Api.as("viewer").get(PATH + "authorities").then().statusCode(200).body("code", hasItem("US-OFAC"));
        Api.as("viewer")
                .get(PATH + "measures")
                .then()
                .statusCode(200)
                .body("find { it.code == 'secondary-sanctions' }.severityLevel", equalTo(5));
        Api.as("viewer").get(PATH + "vectors").then().statusCode(200).body("code", hasItem("bridge-key-compromise"));
        Api.as("viewer").get(PATH + "directions").then().statusCode(200).body("$", hasSize(2));
        Api.as("viewer").get(PATH + "date-precisions").then().statusCode(200).body("$", hasSize(3));
    }

    @Test
    void answersTheTaxonomyWith304ForTheCurrentDataVersion() {
        String etag = Api.as("viewer").get(PATH + "sectors").then().extract().header("ETag");
        Api.as("viewer")
                .header("If-None-Match", etag)
                .get(PATH + "sectors")
                .then()
                .statusCode(304);
    }
}
