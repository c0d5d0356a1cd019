package io.sanctionsrisk.risk.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.sanctionsrisk.risk.events.BandChanged;
import io.sanctionsrisk.risk.testing.Eventually;
import io.sanctionsrisk.testing.Tokens;
import jakarta.enterprise.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class WebhookResourceTest {

    private static final String WEBHOOKS = "/api/v1/webhooks";
    /** Where nothing listens: these tests look at subscriptions, not at deliveries. */
    private static final String URL = "http://127.0.0.1:9/hooks";

    private final WebhookSubscriptionRepository subscriptions;
    private final Event<BandChanged> bandChanged;

    WebhookResourceTest(WebhookSubscriptionRepository subscriptions, Event<BandChanged> bandChanged) {
        this.subscriptions = subscriptions;
        this.bandChanged = bandChanged;
    }

    @BeforeEach
    @AfterEach
    void noSubscriptions() {
        QuarkusTransaction.requiringNew().run(subscriptions::deleteAll);
    }

    private static ValidatableResponse post(String token, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(WEBHOOKS)
                .then();
    }

    private static Map<String, Object> subscription(String url, List<String> events) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("events", events);
        return body;
    }

    private long count() {
        return QuarkusTransaction.requiringNew().call(subscriptions::count);
    }

    @Test
    void createsWithAGeneratedSecretShownOnceAndDeletes() {
        String analyst = Tokens.forUser("analyst");
        ValidatableResponse created = post(
                        analyst, subscription(URL, List.of("band-change", "model-version", "band-change")))
                .statusCode(201)
                .header("Location", containsString(WEBHOOKS + "/"))
                .body("url", equalTo(URL))
                .body("events", equalTo(List.of("band-change", "model-version")))
                .body("owner", equalTo("bank-one"))
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]+={0,2}"));
        String secret = created.extract().path("secret");
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        long id = created.extract().jsonPath().getLong("id");

        given().auth()
                .oauth2(analyst)
                .get(WEBHOOKS + "/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo((int) id))
                .body("secret", nullValue());
        // the bank's machine client is in the analyst's organisation (bank-one), so it sees the subscription
        given().auth()
                .oauth2(Tokens.forClient("bank-risk-engine"))
                .get(WEBHOOKS)
                .then()
                .statusCode(200)
                .body("items.id", hasItem((int) id))
                .body("items[0].secret", nullValue())
                .body("total", equalTo(1));
        given().auth().oauth2(analyst).delete(WEBHOOKS + "/" + id).then().statusCode(204);
        given().auth()
                .oauth2(analyst)
                .get(WEBHOOKS + "/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void keepsAGivenSecret() {
        Map<String, Object> body = subscription(URL, List.of("stale-data"));
        body.put("secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        body.put("description", "treasury desk");
        post(Tokens.forClient("bank-risk-engine"), body)
                .statusCode(201)
                .body("secret", equalTo("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .body("owner", equalTo("bank-one"))
                .body("description", equalTo("treasury desk"));
    }

    @Test
    void anotherOrganisationGets404OnEveryRoute() {
        String mine = Tokens.forUser("analyst");
        String theirs = Tokens.forClient("bank-two-risk-engine");
        ValidatableResponse created =
                post(mine, subscription(URL, List.of("band-change"))).statusCode(201);
        long id = created.extract().jsonPath().getLong("id");
        String owner = created.extract().path("owner");
        bandChanged.fire(new BandChanged(owner, "p-1", "inst-1", "low", "high", 20.0, 55.0, 7L, Instant.now()));
        long delivery = Eventually.await(
                        "the band change is queued",
                        Duration.ofSeconds(30),
                        () -> given().auth()
                                .oauth2(mine)
                                .queryParam("subscription", id)
                                .get(WEBHOOKS + "/deliveries")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        page -> page.getInt("total") == 1)
                .getLong("items[0].id");

        given().auth().oauth2(theirs).get(WEBHOOKS + "/" + id).then().statusCode(404);
        given().auth().oauth2(theirs).delete(WEBHOOKS + "/" + id).then().statusCode(404);
        given().auth().oauth2(theirs).get(WEBHOOKS).then().statusCode(200).body("items.id", not(hasItem((int) id)));
        given().auth()
                .oauth2(theirs)
                .queryParam("subscription", id)
                .get(WEBHOOKS + "/deliveries")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(theirs)
                .get(WEBHOOKS + "/deliveries")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem((int) delivery)));
        given().auth()
                .oauth2(theirs)
                .get(WEBHOOKS + "/deliveries/" + delivery)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(theirs)
                .post(WEBHOOKS + "/deliveries/" + delivery + "/redeliver")
                .then()
                .statusCode(404);

        given().auth().oauth2(mine).get(WEBHOOKS + "/" + id).then().statusCode(200);
        given().auth()
                .oauth2(mine)
                .get(WEBHOOKS + "/deliveries/" + delivery)
                .then()
                .statusCode(200)
                .body("eventType", equalTo("band-change"))
                .body("payload.type", equalTo("band-change"))
                .body("payload.data.institutionId", equalTo("inst-1"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
                "http://[fe80::1]/hooks",
                "http://[::1]:8080/hooks",
                "http://127.0.0.2/hooks",
                "http://10.0.0.1/hooks",
                "http://172.16.0.1/hooks",
                "http://192.168.0.1/hooks",
                "http://0.0.0.0/hooks",
                "http://100.100.100.200/latest/meta-data/",
                "http://[::ffff:169.254.169.254]/",
                "http://metadata.google.internal/computeMetadata/v1/",
                "ftp://127.0.0.1/hooks",
                "file:///etc/passwd",
                "gopher://127.0.0.1:6379/_INFO",
                "http://user:secret@127.0.0.1/hooks",
                "hooks.example.com/no-scheme",
                "http://exa mple.com/",
                ""
            })
    void refusesUrlsThatAreNotAllowedWith422NamingTheField(String url) {
        long before = count();
        post(Tokens.forUser("analyst"), subscription(url, List.of("band-change")))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sanctionsrisk.io/problems/invalid-webhook"))
                .body("errors[0].field", equalTo("url"));
        assertEquals(before, count(), "nothing stored");
    }

    @Test
    void listsEveryProblemOfABadSubscription() {
        Map<String, Object> body = subscription(null, List.of("band-change", "score-moved"));
        body.put("secret", "s3cret");
        body.put("description", "x".repeat(201));
        post(Tokens.forUser("analyst"), body)
                .statusCode(422)
                .body("errors.field", equalTo(List.of("url", "secret", "events[1]", "description")))
                .body("errorCount", equalTo(4));
        post(Tokens.forUser("analyst"), subscription(URL, List.of()))
                .statusCode(422)
                .body("errors[0].field", equalTo("events"));
        assertEquals(0, count());
    }

    @Test
    void answersUnreadableBodiesWith400() {
        post(Tokens.forUser("analyst"), "{\"url\": ").statusCode(400).contentType("application/problem+json");
        post(Tokens.forUser("analyst"), "{\"url\": \"" + URL + "\", \"events\": [\"band-change\"], \"colour\": 1}")
                .statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        post(Tokens.forUser("analyst"), "{\"url\": \"" + URL + "\", \"events\": \"band-change\"}")
                .statusCode(400);
        given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .queryParam("status", "lost")
                .get(WEBHOOKS + "/deliveries")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .queryParam("subscription", "x1")
                .get(WEBHOOKS + "/deliveries")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("subscription"));
        given().auth()
                .oauth2(Tokens.forUser("analyst"))
                .get(WEBHOOKS + "/abc")
                .then()
                .statusCode(404);
        assertEquals(0, count());
    }

    @Test
    void needsTheRiskAnalystOrAdminRole() {
        given().get(WEBHOOKS).then().statusCode(401);
        given().auth().oauth2(Tokens.forUser("viewer")).get(WEBHOOKS).then().statusCode(403);
        post(Tokens.forUser("policy"), subscription(URL, List.of("band-change")))
                .statusCode(403);
        post(Tokens.forClient("steward-sync"), subscription(URL, List.of("band-change")))
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.forUser("viewer"))
                .get(WEBHOOKS + "/deliveries")
                .then()
                .statusCode(403);
        assertEquals(0, count());
    }
}
