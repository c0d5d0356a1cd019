package io.sanctionsrisk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsrisk.testing.KeycloakServer;
import io.sanctionsrisk.testing.Tokens;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The compliance dashboard in a real browser: served by the packaged gateway, logged in through Keycloak's own login
 * page (code flow with PKCE), its panels filled by the real services, and logged out again.
 */
class DashboardIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PAGE = Duration.ofSeconds(60);
    private static final List<String> PANELS =
            List.of("freshness-panel", "heatmap-panel", "timeline-panel", "intensity-panel");

    private static Suite suite;
    private static String dashboard;
    private static Path evidence;

    private Browser browser;
    private String testName;

    @BeforeAll
    static void dashboardOriginIsAllowed() {
        Browser.requireInstalled();
        suite = Suite.get();
        // The gateway runs on a free port; the realm file allows only the documented 8080, so the test allows its own.
        suite.keycloak.admin().allowClientOrigin(KeycloakServer.REALM, "dashboard", suite.gateway.baseUrl());
        dashboard = suite.gateway.baseUrl() + "/dashboard/";
        evidence = Path.of(Suite.required("e2e.work.dir"), "dashboard");
        // the risk-service fits its first snapshot shortly after start; the panels need it
        ResilienceIT.awaitStatus(
                suite.gateway.baseUrl() + "/api/v1/model", Tokens.bearerForUser("viewer"), 200, Duration.ofMinutes(5));
    }

    @BeforeEach
    void openBrowser(TestInfo test) {
        testName = test.getTestMethod().orElseThrow().getName();
        browser = Browser.start(evidence);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.keepEvidence(evidence, testName);
            browser.close();
        }
    }

    @Test
    void viewerLogsInSeesEveryPanelFromTheServicesAndLogsOut() throws IOException {
        logIn("viewer", suite.keycloak.credential("SR_DEMO_PASSWORD_VIEWER"));
        String viewer = Tokens.bearerForUser("viewer");
        assertTrue(text(By.id("user")).startsWith("viewer (compliance-viewer"), text(By.id("user")));
        awaitSettled();

        // (d) freshness: the served snapshot's versions and stale flag
        JsonNode model = api("/api/v1/model", viewer);
        WebElement freshness = panel("freshness-panel");
        assertEquals("ready", freshness.getDomAttribute("data-state"), freshness.getText());
        assertEquals(
                model.path("versions").path("model").asText(), text(By.cssSelector("#freshness-panel .model-version")));
        long shownDataVersion = Long.parseLong(text(By.cssSelector("#freshness-panel .data-version")));
        assertTrue(
                shownDataVersion > 0
                        && shownDataVersion
                                <= model.path("versions").path("data").asLong(),
                "shown data version " + shownDataVersion + ", served " + model.path("versions"));
        assertTrue(freshness.getText().contains("Data age"), freshness.getText());
        assertTrue(
                List.of("Fresh", "Stale").contains(text(By.cssSelector("#freshness-panel .badge"))),
                freshness.getText());

        // (b) timeline: the sanctions-service's buckets, heists and sanctions marks, drawn as a chart
        JsonNode timeline = api("/api/v1/timeline?bucket=quarter", viewer);
        long heists = 0;
        long sanctions = 0;
        for (JsonNode bucket : timeline.path("buckets")) {
            heists += bucket.path("heists").asLong();
            sanctions += bucket.path("sanctions").size();
        }
        assertTrue(heists > 0 && sanctions > 0, "the seed data has heists and sanctions: " + timeline);
        WebElement timelinePanel = panel("timeline-panel");
        assertEquals("ready", timelinePanel.getDomAttribute("data-state"), timelinePanel.getText());
        assertEquals(String.valueOf(timeline.path("buckets").size()), timelinePanel.getDomAttribute("data-buckets"));
        assertEquals(String.valueOf(heists), timelinePanel.getDomAttribute("data-heists"));
        assertEquals(String.valueOf(sanctions), timelinePanel.getDomAttribute("data-sanctions"));
        assertTrue(timelinePanel.getText().contains(heists + " heists"), timelinePanel.getText());
        assertEquals(
                sanctions,
                browser.driver
                        .findElements(By.cssSelector("#timeline-panel .sanction-list li"))
                        .size());
        assertChartDrawn("timeline-panel");
        new Select(browser.driver.findElement(By.id("timeline-bucket"))).selectByValue("year");
        int years = api("/api/v1/timeline?bucket=year", viewer).path("buckets").size();
        browser.waitUpTo(PAGE)
                .until(driver -> String.valueOf(years)
                        .equals(driver.findElement(By.id("timeline-panel")).getDomAttribute("data-buckets")));
        assertEquals(String.valueOf(heists), timelinePanel.getDomAttribute("data-heists"), "per year, the same heists");
        assertChartDrawn("timeline-panel");

        // (c) intensity: the serving snapshot's curve with its sanctions marked
        JsonNode intensity = api("/api/v1/model/intensity", viewer);
        WebElement intensityPanel = panel("intensity-panel");
        assertEquals("ready", intensityPanel.getDomAttribute("data-state"), intensityPanel.getText());
        assertEquals(String.valueOf(intensity.path("points").size()), intensityPanel.getDomAttribute("data-points"));
        assertEquals(
                String.valueOf(intensity.path("sanctions").size()), intensityPanel.getDomAttribute("data-sanctions"));
        assertChartDrawn("intensity-panel");

        // (a) heatmap: the risk-service serves it once a model is fitted; the panel draws every sector's row
        JsonNode served = api("/api/v1/heatmap?horizonDays=365", viewer);
        WebElement heatmapPanel = panel("heatmap-panel");
        assertEquals("ready", heatmapPanel.getDomAttribute("data-state"), heatmapPanel.getText());
        assertEquals(String.valueOf(served.path("cells").size()), heatmapPanel.getDomAttribute("data-cells"));
        assertEquals(
                served.path("sectors").size(),
                browser.driver
                        .findElements(By.cssSelector("#heatmap-panel tbody tr"))
                        .size());

        assertNoPolicyViolations();
        browser.keepEvidence(evidence, testName + "-board");

        browser.driver.findElement(By.id("logout")).click();
        browser.waitUpTo(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
        assertTrue(browser.driver.getCurrentUrl().startsWith(dashboard), browser.driver.getCurrentUrl());
        assertFalse(browser.driver.findElement(By.id("board")).isDisplayed(), "the board is still shown");
        // The Keycloak session is over too: logging in again asks for the password instead of passing straight through.
        browser.driver.findElement(By.id("login")).click();
        browser.waitUpTo(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(browser.driver.getCurrentUrl().startsWith(suite.keycloak.issuer()), browser.driver.getCurrentUrl());
    }

    @Test
    void aUserWithoutARoleIsToldItsRoleCannotSeeThePanels() {
        String username = "norole-" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        suite.keycloak.admin().createUser(KeycloakServer.REALM, username, password, List.of());

        logIn(username, password);
        assertEquals(username + " (no role of the suite)", text(By.id("user")));
        awaitSettled();
        for (String id : PANELS) {
            WebElement panel = panel(id);
            assertEquals("error", panel.getDomAttribute("data-state"), id + ": " + panel.getText());
            assertEquals("403", panel.getDomAttribute("data-status"), id + ": " + panel.getText());
            assertTrue(
                    text(By.cssSelector("#" + id + " .status")).startsWith("Your role cannot see this."),
                    id + ": " + panel.getText());
        }
        assertNoPolicyViolations();
    }

    @Test
    void aWrongPasswordStaysOnKeycloaksLoginPage() {
        browser.driver.get(dashboard);
        browser.waitUpTo(PAGE)
                .until(ExpectedConditions.elementToBeClickable(By.id("login")))
                .click();
        submitLogin("viewer", "not-the-password");
        browser.waitUpTo(PAGE).until(driver -> driver.getPageSource().contains("Invalid username or password"));
        assertTrue(browser.driver.getCurrentUrl().startsWith(suite.keycloak.issuer()), browser.driver.getCurrentUrl());
    }

    private void logIn(String username, String password) {
        browser.driver.get(dashboard);
        browser.waitUpTo(PAGE)
                .until(ExpectedConditions.elementToBeClickable(By.id("login")))
                .click();
        submitLogin(username, password);
        browser.waitUpTo(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("board")));
        assertEquals(dashboard, browser.driver.getCurrentUrl(), "the code and state stay out of the address bar");
    }

    private void submitLogin(String username, String password) {
        browser.waitUpTo(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(
                browser.driver.getCurrentUrl().startsWith(suite.keycloak.issuer() + "/protocol/openid-connect/auth"),
                browser.driver.getCurrentUrl());
        assertTrue(browser.driver.getCurrentUrl().contains("code_challenge_method=S256"), "PKCE with S256");
        browser.driver.findElement(By.id("username")).sendKeys(username);
        browser.driver.findElement(By.id("password")).sendKeys(password);
        browser.driver.findElement(By.id("kc-login")).click();
    }

    private void awaitSettled() {
        browser.waitUpTo(Duration.ofSeconds(120))
                .until(driver -> PANELS.stream()
                        .noneMatch(id ->
                                "loading".equals(driver.findElement(By.id(id)).getDomAttribute("data-state"))));
    }

    private WebElement panel(String id) {
        return browser.driver.findElement(By.id(id));
    }

    private String text(By by) {
        return browser.driver.findElement(by).getText().strip();
    }

    private void assertChartDrawn(String panelId) {
        Object drawn = browser.driver.executeScript(
                "const c = document.querySelector('#' + arguments[0] + ' canvas');"
                        + " return c !== null && window.Chart.getChart(c) !== undefined && c.width > 0;",
                panelId);
        assertEquals(Boolean.TRUE, drawn, panelId + " has no drawn chart");
    }

    /** No Content-Security-Policy refusals and no script errors on the console (failed API calls are expected). */
    private void assertNoPolicyViolations() {
        List<LogEntry> entries = browser.console();
        List<String> bad = entries.stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("Failed to load resource: the server responded with a status"))
                .collect(Collectors.toList());
        assertTrue(bad.isEmpty(), "browser console: " + bad);
    }

    private static JsonNode api(String path, String authorization) throws IOException {
        HttpResponse<String> response = Http.get(suite.gateway.baseUrl() + path, authorization);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }
}
