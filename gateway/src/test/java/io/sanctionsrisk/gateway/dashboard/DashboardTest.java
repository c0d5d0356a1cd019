package io.sanctionsrisk.gateway.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sanctionsrisk.gateway.testing.TestBackends;
import io.sanctionsrisk.testing.KeycloakTestResource;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboard as the gateway serves it: its files, where it logs in, and the policy the browser holds it to. */
@QuarkusTest
class DashboardTest {

    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL);
    private static final Pattern LOCAL_REFERENCE = Pattern.compile("(?:src|href)=\"([^\"#]+)\"");

    @Test
    void rootAndBarePathLeadToTheDashboard() {
        given().redirects().follow(false).get("/").then().statusCode(302).header("Location", "/dashboard/");
        given().redirects()
                .follow(false)
                .get("/dashboard")
                .then()
                .statusCode(302)
                .header("Location", "/dashboard/");
    }

    @Test
    void configNamesTheRealmAndThePublicClient() {
        given().get("/dashboard/config.json")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .body("authServerUrl", equalTo(KeycloakTestResource.server().issuer()))
                .body("clientId", equalTo("dashboard"));
    }

    @Test
    void pageMayConnectOnlyToItselfAndKeycloakAndRunsNoInlineCode() {
        Response page = given().get("/dashboard/");
        assertEquals(200, page.statusCode());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        String policy = page.header("Content-Security-Policy");
        assertTrue(policy.contains("default-src 'none'"), policy);
        assertTrue(policy.contains("script-src 'self';"), policy);
        assertTrue(policy.contains("style-src 'self';"), policy);
        assertTrue(
                policy.contains(
                        "connect-src 'self' " + KeycloakTestResource.server().baseUrl() + ";"),
                policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertFalse(policy.contains("unsafe"), policy);
        assertEquals("DENY", page.header("X-Frame-Options"));

        String html = page.asString();
        Matcher scripts = SCRIPT.matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertTrue(scripts.group(1).contains("src="), "inline script: " + scripts.group());
            assertTrue(scripts.group(2).isBlank(), "inline script: " + scripts.group());
        }
        assertEquals(2, count, "Chart.js and the dashboard's module");
        assertFalse(html.contains(" style="), "inline style attribute");
        assertFalse(Pattern.compile("\\son[a-z]+=").matcher(html).find(), "inline event handler");
    }

    @Test
    void everyFileThePageLoadsIsServed() {
        String html = given().get("/dashboard/").asString();
        List<String> references = new ArrayList<>();
        Matcher matcher = LOCAL_REFERENCE.matcher(html);
        while (matcher.find()) {
            references.add(matcher.group(1));
        }
        assertTrue(references.contains("/webjars/chart.js/4.4.7/dist/chart.umd.js"), references.toString());
        for (String reference : references) {
            String path = reference.startsWith("/") ? reference : "/dashboard/" + reference;
            given().get(path).then().statusCode(200);
        }
        for (String module : List.of("main", "auth", "api", "panels", "dom")) {
            given().get("/dashboard/js/" + module + ".js")
                    .then()
                    .statusCode(200)
                    .contentType(containsString("javascript"))
                    .body(not(containsString("eval(")));
        }
    }

    @Test
    void theWorkbenchHasThePolicyRunsNoInlineCodeAndEveryFileItLoadsIsServed() {
        Response page = given().get("/dashboard/workbench.html");
        assertEquals(200, page.statusCode());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertEquals(
                given().get("/dashboard/").header("Content-Security-Policy"), page.header("Content-Security-Policy"));
        String html = page.asString();
        Matcher scripts = SCRIPT.matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertTrue(scripts.group(1).contains("src="), "inline script: " + scripts.group());
            assertTrue(scripts.group(2).isBlank(), "inline script: " + scripts.group());
        }
        assertEquals(2, count, "Chart.js and the workbench's module");
        assertFalse(html.contains(" style="), "inline style attribute");
        assertFalse(Pattern.compile("\\son[a-z]+=").matcher(html).find(), "inline event handler");
        Matcher matcher = LOCAL_REFERENCE.matcher(html);
        while (matcher.find()) {
            String reference = matcher.group(1);
            given().get(reference.startsWith("/") ? reference : "/dashboard/" + reference)
                    .then()
                    .statusCode(200);
        }
        for (String module : List.of("workbench", "intervals")) {
            given().get("/dashboard/js/" + module + ".js")
                    .then()
                    .statusCode(200)
                    .contentType(containsString("javascript"))
                    .body(not(containsString("eval(")));
        }
        // the dashboard links to the workbench and back
        assertTrue(given().get("/dashboard/").asString().contains("href=\"workbench.html\""));
        assertTrue(html.contains("href=\"/dashboard/\""));
    }

    @Test
    void otherPagesKeepTheirOwnPolicy() {
        TestBackends.management()
                .get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", equalTo("frame-ancestors 'none'"));
        given().get("/dashboard/missing.js").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void originIsSchemeHostAndPortOnly() {
        assertEquals(
                "https://login.example",
                DashboardRoutes.origin(java.net.URI.create("https://Login.Example/realms/sanctions-risk")));
        assertEquals(
                "http://127.0.0.1:8180",
                DashboardRoutes.origin(java.net.URI.create("http://127.0.0.1:8180/realms/sanctions-risk/")));
        for (String bad : List.of("/realms/sanctions-risk", "ftp://host/realm", "javascript:alert(1)")) {
            try {
                DashboardRoutes.origin(java.net.URI.create(bad));
                throw new AssertionError("accepted " + bad);
            } catch (IllegalArgumentException expected) {
                // refused at start-up
            }
        }
    }
}
