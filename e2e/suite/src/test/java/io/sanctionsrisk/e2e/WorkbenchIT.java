package io.sanctionsrisk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsrisk.testing.KeycloakServer;
import io.sanctionsrisk.testing.Tokens;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The scenario workbench in a real browser: a policy analyst logs in on Keycloak's own login page, composes a
 * scenario (a hypothetical sanction added, an existing one lifted), runs and saves it, re-runs it (identical),
 * compares two saved scenarios, and exports CSV and the PDF summary; axe-core (from npm, see axe/package.json)
 * finds no serious or critical accessibility violation on the workbench or the dashboard. Screenshots and page
 * sources are kept under target/e2e-work/workbench.
 */
class WorkbenchIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PAGE = Duration.ofSeconds(60);
    private static final Duration RUN = Duration.ofMinutes(4);

    private static Suite suite;
    private static String dashboard;
    private static String workbench;
    private static Path evidence;

    private Browser browser;
    private String testName;

    @BeforeAll
    static void dashboardOriginIsAllowed() {
        Browser.requireInstalled();
        suite = Suite.get();
        suite.keycloak.admin().allowClientOrigin(KeycloakServer.REALM, "dashboard", suite.gateway.baseUrl());
        dashboard = suite.gateway.baseUrl() + "/dashboard/";
        workbench = dashboard + "workbench.html";
        evidence = Path.of(Suite.required("e2e.work.dir"), "workbench");
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
    void aPolicyAnalystComposesRunsRerunsComparesAndExportsAScenario() throws Exception {
        Path downloads = Files.createDirectories(evidence.resolve("downloads-" + System.nanoTime()));
        browser.driver.executeCdpCommand(
                "Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        String policy = Tokens.bearerForUser("policy");
        JsonNode model = api("/api/v1/model", policy);
        LocalDate start = LocalDate.parse(model.at("/window/end").asText()).plusDays(1);
        String lifted = liftableSanction(policy);

        logIn("policy", suite.keycloak.credential("SR_DEMO_PASSWORD_POLICY"));
        assertTrue(text(By.id("user")).startsWith("policy (policy-analyst"), text(By.id("user")));
        browser.waitUpTo(PAGE)
                .until(driver ->
                        "true".equals(driver.findElement(By.id("compose")).getDomAttribute("data-ready")));

        // compose, by keyboard where a person would type
        WebElement name = browser.driver.findElement(By.id("sc-name"));
        name.sendKeys("WorkbenchIT package");
        setDate(By.id("sc-start"), start);
        replace(By.id("sc-horizon"), "365");
        replace(By.id("sc-paths"), "2000");
        replace(By.id("sc-seed"), "20261206");
        browser.driver.findElement(By.id("add-sanction")).sendKeys(Keys.ENTER);
        WebElement row = browser.waitUpTo(PAGE)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("fieldset.added-sanction")));
        String n = row.getDomAttribute("data-row");
        // the new row's first field has the focus
        assertEquals(
                "add-" + n + "-authority",
                browser.driver.switchTo().activeElement().getDomAttribute("id"));
        new Select(browser.driver.findElement(By.id("add-" + n + "-authority"))).selectByIndex(1);
        browser.driver.findElement(By.id("add-" + n + "-key")).sendKeys("HYP-E2E");
        setDate(By.id("add-" + n + "-date"), start.plusDays(30));
        new Select(browser.driver.findElement(By.id("add-" + n + "-severity"))).selectByValue("5");
        row.findElement(By.cssSelector("details summary")).sendKeys(Keys.ENTER);
        WebElement measure = row.findElement(By.cssSelector(".measures input[type=checkbox]"));
        measure.sendKeys(Keys.SPACE);
        assertTrue(measure.isSelected(), "a measure ticked with the space bar");
        browser.driver.findElement(By.id("remove-filter")).sendKeys(lifted);
        WebElement liftedBox = browser.driver.findElement(By.id("remove-" + lifted));
        liftedBox.sendKeys(Keys.SPACE);
        assertTrue(liftedBox.isSelected(), lifted + " ticked to remove");
        assertTrue(text(By.id("remove-count")).contains("1 ticked"), text(By.id("remove-count")));
        browser.keepEvidence(evidence, testName + "-composed");

        long first = runAndAwait();
        JsonNode saved = api("/api/v1/scenarios/" + first, policy);
        assertEquals("WorkbenchIT package", saved.path("name").asText());
        assertEquals(start.toString(), saved.at("/inputs/startDate").asText());
        assertEquals(2000, saved.at("/inputs/paths").asInt());
        assertEquals(20261206L, saved.at("/inputs/seed").asLong());
        assertEquals("HYP-E2E", saved.at("/inputs/addSanctions/0/key").asText());
        assertEquals(5, saved.at("/inputs/addSanctions/0/severity").asInt());
        assertEquals(
                start.plusDays(30).toString(),
                saved.at("/inputs/addSanctions/0/date").asText());
        assertEquals(lifted, saved.at("/inputs/removeSanctions/0").asText());
        assertEquals(
                saved.path("resultDigest").asText(),
                browser.driver.findElement(By.id("result-panel")).getDomAttribute("data-result-digest"));

        // totals with their intervals, cells, both charts with text alternatives
        String totals = text(By.id("totals"));
        assertTrue(totals.contains("95% Monte Carlo interval"), totals);
        assertTrue(totals.contains("["), "intervals shown: " + totals);
        if (saved.at("/result/uncertainty/deltaCount").isObject()) {
            // the delta's interval over the posterior draws is shown beside the Monte Carlo one
            assertTrue(totals.contains("delta with parameter uncertainty"), totals);
        }
        assertTrue(
                browser.driver.findElements(By.cssSelector("#cells tbody tr")).size() > 0, "per-cell deltas shown");
        for (String chart : List.of("lec-chart", "intensity-chart")) {
            assertChartDrawn(chart);
            String label = browser.driver.findElement(By.id(chart)).getDomAttribute("aria-label");
            assertTrue(label != null && label.length() > 40, chart + " text alternative: " + label);
        }
        String curve = browser.driver.findElement(By.id("intensity-chart")).getDomAttribute("aria-label");
        assertTrue(curve.contains("HYP-E2E") && curve.contains(lifted), curve);
        JsonNode intensity = api("/api/v1/scenarios/" + first + "/intensity", policy);
        // the curves are the mean equation at the fitted parameters
        JsonNode fitted = saved.at("/result/analytic/fittedScenarioExpectedCount");
        assertEquals(
                fitted.isNumber()
                        ? fitted.asDouble()
                        : saved.at("/result/analytic/scenarioExpectedCount").asDouble(),
                intensity.path("scenarioExpectedCount").asDouble(),
                1e-9 * intensity.path("scenarioExpectedCount").asDouble());
        browser.waitUpTo(PAGE)
                .until(driver -> !driver.findElements(By.cssSelector("#saved tr[data-id='" + first + "']"))
                        .isEmpty());
        browser.keepEvidence(evidence, testName + "-result");

        // re-run: the page shows that the result is identical
        browser.driver.findElement(By.id("rerun")).click();
        browser.waitUpTo(RUN)
                .until(driver ->
                        !"".equals(driver.findElement(By.id("rerun-status")).getDomAttribute("data-identical")));
        assertEquals("true", browser.driver.findElement(By.id("rerun-status")).getDomAttribute("data-identical"));
        assertTrue(text(By.id("rerun-status")).startsWith("Identical"), text(By.id("rerun-status")));
        assertEquals(1, api("/api/v1/scenarios/" + first, policy).path("reruns").asInt());
        browser.keepEvidence(evidence, testName + "-rerun");

        // exports: CSV built by the page, PDF made by the risk-service
        browser.driver.findElement(By.id("export-csv")).click();
        Path csv = awaitFile(downloads.resolve("scenario-" + first + ".csv"));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("scenario_id,level,sector,region,world,count_mean,"), lines.get(0));
        int cells = saved.at("/result/cells").size();
        int exceedance = saved.at("/result/lossExceedance").size();
        assertEquals(1 + 3 + 3 * cells + 2 * exceedance, lines.size());
        String[] delta = lines.get(3).split(",", -1);
        assertEquals("delta", delta[4]);
        assertEquals(saved.at("/result/total/delta/count/mean").asDouble(), Double.parseDouble(delta[5]), 0.0);
        browser.driver.findElement(By.id("export-pdf")).click();
        Path pdf = awaitFile(downloads.resolve("scenario-" + first + "-summary.pdf"));
        String summary = pdfText(pdf);
        assertTrue(summary.contains("Scenario " + first + ": WorkbenchIT package"), summary);
        assertTrue(summary.contains("HYP-E2E") && summary.contains(lifted), summary);
        assertTrue(summary.contains("Re-runs (1)"), summary);

        // a second scenario with another seed, then both side by side
        replace(By.id("sc-seed"), "7");
        replace(By.id("sc-name"), "WorkbenchIT other seed");
        long second = runAndAwait();
        assertNotEquals(first, second);
        browser.waitUpTo(PAGE)
                .until(driver -> !driver.findElements(By.id("pick-" + second)).isEmpty()
                        && !driver.findElements(By.id("pick-" + first)).isEmpty());
        browser.driver.findElement(By.id("pick-" + first)).sendKeys(Keys.SPACE);
        browser.driver.findElement(By.id("pick-" + second)).sendKeys(Keys.SPACE);
        WebElement compare = browser.driver.findElement(By.id("compare"));
        assertTrue(compare.isEnabled(), compare.getText());
        compare.click();
        browser.waitUpTo(PAGE)
                .until(driver -> "ready"
                        .equals(driver.findElement(By.id("compare-panel")).getDomAttribute("data-state")));
        String compared = text(By.id("comparison"));
        assertTrue(compared.contains("#" + first) && compared.contains("#" + second), compared);
        assertTrue(compared.contains("20261206") && compared.contains("2,000 / 7"), compared);
        browser.keepEvidence(evidence, testName + "-compared");

        assertNoSeriousAccessibilityViolations("workbench");
        assertNoPolicyViolations();

        // the dashboard: the same login carries over (Keycloak's session), its panels show, and axe finds nothing
        browser.driver.findElement(By.linkText("Dashboard")).click();
        browser.waitUpTo(PAGE)
                .until(ExpectedConditions.elementToBeClickable(By.id("login")))
                .click();
        browser.waitUpTo(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("board")));
        browser.waitUpTo(Duration.ofSeconds(120))
                .until(driver -> driver.findElements(By.cssSelector(".panel[data-state='loading']"))
                        .isEmpty());
        browser.keepEvidence(evidence, testName + "-dashboard");
        assertNoSeriousAccessibilityViolations("dashboard");
        assertNoPolicyViolations();
    }

    @Test
    void aViewerIsToldItsRoleCannotRunScenarios() {
        logIn("viewer", suite.keycloak.credential("SR_DEMO_PASSWORD_VIEWER"), By.id("denied"));
        String message = text(By.id("denied-message"));
        assertTrue(message.startsWith("Your role cannot run scenarios"), message);
        assertFalse(browser.driver.findElement(By.id("bench")).isDisplayed(), "the workbench is hidden");
        assertNoSeriousAccessibilityViolations("denied");
        assertNoPolicyViolations();
    }

    /**
     * The dashboard's heatmap and intensity panels show intervals when an answer carries them. The served model may
     * not carry them yet, so the panels' own rendering code, as the browser loads it, is given answers that do.
     */
    @Test
    void theDashboardPanelsShowServedIntervals() throws IOException {
        browser.driver.get(dashboard);
        browser.waitUpTo(PAGE).until(ExpectedConditions.elementToBeClickable(By.id("login")));
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object answer = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const panel = (id) => {
                    const article = document.createElement('article');
                    article.className = 'panel';
                    article.id = id;
                    const content = document.createElement('div');
                    article.append(content);
                    document.body.append(article);
                    return content;
                };
                import('/dashboard/js/panels.js').then((m) => {
                    const heatmap = panel('interval-heatmap');
                    m.renderHeatmap(heatmap, {
                        horizonDays: 365, from: '2026-01-01', to: '2027-01-01', modelVersion: 'm', dataVersion: 1,
                        snapshotId: 1, sectors: [{code: 'bank', name: 'Bank'}], regions: [{code: 'asia', name: 'Asia'}],
                        cells: [{sector: 'bank', region: 'asia', expectedCount: 0.5,
                                 expectedCountInterval: {lower: 0.2, upper: 0.9, level: 0.9},
                                 probabilityAtLeastOne: 0.39, expectedLoss: 1000000}],
                        total: {expectedCount: 0.5, expectedCountInterval: {lower: 0.2, upper: 0.9, level: 0.9},
                                probabilityAtLeastOne: 0.39, expectedLoss: 1000000},
                        lossBasis: 'realised'}, 'expectedCount', true);
                    const intensity = panel('interval-intensity');
                    const point = (date, total) => ({date, time: 0, total, baseline: 0.001, sanctions: 0.001,
                        selfExcitation: 0.001, totalInterval: {lower: total / 2, upper: total * 2, level: 0.9}});
                    m.renderIntensity(intensity, {unit: 'heists per day', from: '2026-01-01', to: '2026-01-15',
                        stepDays: 7, snapshotId: 1, modelVersion: 'm', dataVersion: 1,
                        points: [point('2026-01-01', 0.01), point('2026-01-08', 0.02), point('2026-01-15', 0.03)],
                        sanctions: [], heists: []});
                    const chart = window.Chart.getChart(intensity.querySelector('canvas'));
                    done(JSON.stringify({
                        intervals: heatmap.closest('.panel').dataset.intervals,
                        cell: heatmap.querySelector('tbody td').textContent,
                        title: heatmap.querySelector('tbody td').title,
                        summary: heatmap.querySelector('.summary').textContent,
                        band: intensity.closest('.panel').dataset.band,
                        lower: chart.data.datasets[0].data,
                        upper: chart.data.datasets[1].data,
                        intensitySummary: intensity.querySelector('.summary').textContent}));
                }).catch((e) => done('failed: ' + e));
                """);
        JsonNode shown = JSON.readTree(String.valueOf(answer));
        assertEquals("1", shown.path("intervals").asText());
        assertEquals("0.590% [0.2, 0.9]", shown.path("cell").asText(), "the value, then its interval");
        assertTrue(shown.path("title").asText().contains("0.5 90% [0.2, 0.9] heists expected"), shown.toString());
        assertTrue(shown.path("summary").asText().contains("0.5 90% [0.2, 0.9] heists expected"), shown.toString());
        assertEquals("3", shown.path("band").asText());
        assertEquals("[0.005,0.01,0.015]", shown.path("lower").toString());
        assertEquals("[0.02,0.04,0.06]", shown.path("upper").toString());
        assertTrue(shown.path("intensitySummary").asText().contains("90% interval of λ(t)"), shown.toString());
    }

    // ---- steps

    private long runAndAwait() {
        String before = browser.driver.findElement(By.id("result-panel")).getDomAttribute("data-scenario-id");
        browser.driver.findElement(By.id("run")).click();
        browser.waitUpTo(RUN).until(driver -> {
            WebElement panel = driver.findElement(By.id("result-panel"));
            String id = panel.getDomAttribute("data-scenario-id");
            String errors = driver.findElement(By.id("compose-errors")).getText();
            if (!errors.isBlank()) {
                throw new AssertionError("the run failed: " + errors);
            }
            return "ready".equals(panel.getDomAttribute("data-state")) && id != null && !id.equals(before);
        });
        assertTrue(text(By.cssSelector("#result-panel .status")).startsWith("Saved as scenario #"));
        // the progress line told what was running while the service simulated (hidden once done, text kept)
        String progress = String.valueOf(
                browser.driver.executeScript("return document.getElementById('progress-text').textContent;"));
        assertTrue(progress.startsWith("Simulating 2,000 paths over 365 days"), progress);
        return Long.parseLong(browser.driver.findElement(By.id("result-panel")).getDomAttribute("data-scenario-id"));
    }

    /** A sanction of the serving snapshot that weighs in the model, to lift. */
    private static String liftableSanction(String authorization) throws IOException {
        JsonNode sanctions = api("/api/v1/model/intensity", authorization).path("sanctions");
        String key = null;
        for (JsonNode s : sanctions) {
            if (s.path("weight").asDouble() > 0 && s.hasNonNull("key")) {
                key = s.path("key").asText();
            }
        }
        assertTrue(key != null, "the seed data has a weighted sanction: " + sanctions);
        return key;
    }

    private void logIn(String username, String password) {
        logIn(username, password, By.id("bench"));
    }

    private void logIn(String username, String password, By shown) {
        browser.driver.get(workbench);
        browser.waitUpTo(PAGE)
                .until(ExpectedConditions.elementToBeClickable(By.id("login")))
                .click();
        browser.waitUpTo(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(
                browser.driver.getCurrentUrl().startsWith(suite.keycloak.issuer() + "/protocol/openid-connect/auth"));
        assertTrue(browser.driver.getCurrentUrl().contains("code_challenge_method=S256"), "PKCE with S256");
        browser.driver.findElement(By.id("username")).sendKeys(username);
        browser.driver.findElement(By.id("password")).sendKeys(password);
        browser.driver.findElement(By.id("kc-login")).click();
        browser.waitUpTo(PAGE).until(ExpectedConditions.visibilityOfElementLocated(shown));
        assertEquals(workbench, browser.driver.getCurrentUrl(), "back on the workbench, code and state removed");
    }

    private void setDate(By by, LocalDate date) {
        browser.driver.executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));",
                browser.driver.findElement(by),
                date.toString());
    }

    private void replace(By by, String value) {
        WebElement input = browser.driver.findElement(by);
        input.clear();
        input.sendKeys(value);
    }

    private String text(By by) {
        return browser.driver.findElement(by).getText().strip();
    }

    private void assertChartDrawn(String canvasId) {
        Object drawn = browser.driver.executeScript(
                "const c = document.getElementById(arguments[0]);"
                        + " return c !== null && window.Chart.getChart(c) !== undefined && c.width > 0;",
                canvasId);
        assertEquals(Boolean.TRUE, drawn, canvasId + " has no drawn chart");
    }

    private static Path awaitFile(Path file) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (Files.isRegularFile(file) && file.toFile().length() > 0) {
                return file;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(file + " was not downloaded");
    }

    private static String pdfText(Path pdf) throws IOException, InterruptedException {
        assertEquals("%PDF", new String(Files.readAllBytes(pdf), 0, 4, StandardCharsets.US_ASCII));
        Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-")
                .redirectErrorStream(true)
                .start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pdftotext finished");
        assertEquals(0, process.exitValue(), "pdftotext (Debian's poppler-utils): " + text);
        return text;
    }

    /**
     * Injects axe-core (installed from npm by the build, e2e/suite/axe) into the page as it is and fails on any
     * violation of serious or critical impact; the full report is kept beside the screenshots.
     */
    private void assertNoSeriousAccessibilityViolations(String page) throws RuntimeException {
        try {
            String axe = Files.readString(Path.of(Suite.required("e2e.axe.script")), StandardCharsets.UTF_8);
            browser.driver.executeScript(axe);
            browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
            Object answer = browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + " axe.run(document, {resultTypes: ['violations']})"
                    + ".then((r) => done(JSON.stringify(r.violations)))"
                    + ".catch((e) => done('axe failed: ' + e));");
            String report = String.valueOf(answer);
            Files.createDirectories(evidence);
            Files.writeString(evidence.resolve(testName + "-axe-" + page + ".json"), report);
            assertTrue(report.startsWith("["), report);
            List<String> serious = new ArrayList<>();
            for (JsonNode v : JSON.readTree(report)) {
                String impact = v.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    List<String> targets = new ArrayList<>();
                    v.path("nodes")
                            .forEach(node -> targets.add(node.path("target").toString()));
                    serious.add(impact + " " + v.path("id").asText() + " ("
                            + v.path("help").asText() + "): "
                            + targets.stream().limit(5).collect(Collectors.joining(" ")));
                }
            }
            assertEquals(List.of(), serious, page + ": serious or critical accessibility violations");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

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
