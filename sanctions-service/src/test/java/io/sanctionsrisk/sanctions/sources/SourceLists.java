package io.sanctionsrisk.sanctions.sources;

import io.restassured.response.ValidatableResponse;
import io.sanctionsrisk.sanctions.support.Api;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The list fixtures (src/test/resources/sources) and the requests of the official-list tests. */
final class SourceLists {

    static final String SOURCES = "/api/v1/sources";
    static final String PROPOSALS = SOURCES + "/proposals";

    private SourceLists() {}

    static byte[] fixture(String name) {
        try (InputStream in = SourceLists.class.getResourceAsStream("/sources/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ValidatableResponse load(String source, byte[] file, String user) {
        return Api.as(user)
                .contentType("application/xml")
                .body(file)
                .post(SOURCES + "/" + source + "/loads")
                .then();
    }

    static List<Integer> proposalIds(String status) {
        return Api.as("viewer")
                .queryParam("status", status)
                .get(PROPOSALS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id", Integer.class);
    }

    /** What a refused load must leave as it was: the data, the queue and the sources' newest loads. */
    record Everything(Api.State data, List<Integer> proposals, String sources) {}

    static Everything everything() {
        return new Everything(
                Api.state(),
                proposalIds(null),
                Api.as("viewer").get(SOURCES).then().statusCode(200).extract().asString());
    }
}
