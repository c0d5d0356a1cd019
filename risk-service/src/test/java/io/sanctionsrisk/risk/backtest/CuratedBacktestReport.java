package io.sanctionsrisk.risk.backtest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.sanctionsrisk.risk.testing.CuratedData;
import io.sanctionsrisk.testing.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rolling-origin backtest on the curated data, reproducibly: the sanctions-service loads its curated seed on a
 * fresh schema, the risk-service refits through POST /api/v1/model/refits, and POST /api/v1/backtests runs with
 * yearly origins from 2019 and one-year windows, once as a forecast made at each origin and once with the window's
 * sanctions known. Writes target/curated-backtest.json (the answers) and target/curated-backtest.md (the tables in
 * MODEL.md, "Backtest on the curated data").
 *
 * <p>Run alone: {@code ./mvnw -pl risk-service -am verify -Dtest=CuratedBacktestReport
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@TestProfile(CuratedData.class)
class CuratedBacktestReport {

    static final Map<String, Object> REQUEST = Map.of("firstOrigin", "2019-01-01", "stepDays", 365, "windowDays", 365);

    /** Quarterly origins from 2019, one-quarter windows, the cell backtest (MODEL.md, "The served model"). */
    static final Map<String, Object> QUARTERLY_CELLS =
            Map.of("firstOrigin", "2019-01-01", "stepDays", 91, "windowDays", 91, "cells", true);

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void backtestsTheCuratedDataAndWritesTheReport() throws IOException {
        given().auth()
                .oauth2(Tokens.forUser("admin"))
                .post("/api/v1/model/refits")
                .then()
                .statusCode(200);
        JsonNode atOrigin = backtest(REQUEST);
        Map<String, Object> known = new java.util.HashMap<>(REQUEST);
        known.put("knownFutureSanctions", true);
        JsonNode withKnown = backtest(known);
        for (JsonNode b : new JsonNode[] {atOrigin, withKnown}) {
            assertEquals(6, b.at("/result/origins").size());
            assertEquals(3, b.at("/result/scores").size());
            assertTrue(b.at("/result/anyHitTimeBudget").isBoolean());
            assertFalse(b.at("/result/anyHitTimeBudget").asBoolean());
            assertTrue(b.at("/result/events").asInt() > 10, "the windows hold most of the curated heists");
        }
        // what is served, scored at quarterly origins from what was known at each (and, to compare, with every
        // heist known from its own date)
        Map<String, Object> cells = new java.util.HashMap<>(QUARTERLY_CELLS);
        JsonNode cellsKnown = backtest(cells);
        cells.put("knownFromAttribution", false);
        JsonNode cellsOwnDate = backtest(cells);
        for (JsonNode b : new JsonNode[] {cellsKnown, cellsOwnDate}) {
            assertTrue(b.at("/result/cells/windows").size() > 20);
            assertFalse(b.at("/result/cells/anyHitTimeBudget").asBoolean());
        }
        ObjectNode report = JSON.createObjectNode();
        report.put(
                "generatedBy",
                "CuratedBacktestReport (risk-service tests); regenerate with the command in its javadoc");
        report.set("forecastAtOrigin", atOrigin);
        report.set("windowSanctionsKnown", withKnown);
        report.set("cellsKnownFromAttribution", cellsKnown);
        report.set("cellsKnownFromOwnDate", cellsOwnDate);
        Path dir = Path.of(System.getProperty("curated.fit.output.dir", "target"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("curated-backtest.json"), JSON.writeValueAsString(report));
        Files.writeString(
                dir.resolve("curated-backtest.md"),
                markdown(atOrigin, withKnown) + "\n" + cellMarkdown(cellsKnown, cellsOwnDate));
    }

    private JsonNode backtest(Map<String, Object> body) throws IOException {
        return JSON.readTree(given().auth()
                .oauth2(Tokens.forUser("policy"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/backtests")
                .then()
                .statusCode(201)
                .extract()
                .asString());
    }

    private static String markdown(JsonNode atOrigin, JsonNode withKnown) {
        StringBuilder md = new StringBuilder();
        md.append("Snapshot ")
                .append(atOrigin.get("snapshotId"))
                .append(", data version ")
                .append(atOrigin.at("/versions/data"))
                .append(", model ")
                .append(atOrigin.at("/versions/model").asText())
                .append(".\n\n");
        md.append(
                "| origin | window end | training heists | observed | k | full: expected [90%] | Hawkes: expected [90%]"
                        + " | Poisson: expected [90%] | OOS log L full / Hawkes / Poisson |\n");
        md.append("| --- | --- | ---: | ---: | ---: | --- | --- | --- | --- |\n");
        for (JsonNode o : atOrigin.at("/result/origins")) {
            JsonNode f = o.get("forecasts");
            md.append("| ")
                    .append(o.get("origin").asText())
                    .append(" | ")
                    .append(o.get("windowEnd").asText())
                    .append(" | ")
                    .append(o.get("trainingHeists"))
                    .append(" | ")
                    .append(o.get("observed"))
                    .append(" | ")
                    .append(o.at("/fitted/kernelShape"));
            for (int m = 0; m < 3; m++) {
                md.append(" | ")
                        .append(fmt(f.get(m).get("expected").asDouble()))
                        .append(" [")
                        .append(f.get(m).get("lower90"))
                        .append(", ")
                        .append(f.get(m).get("upper90"))
                        .append("]")
                        .append(f.get(m).get("covered").asBoolean() ? "" : " missed");
            }
            md.append(" | ")
                    .append(fmt(f.get(0).get("logLikelihood").asDouble()))
                    .append(" / ")
                    .append(fmt(f.get(1).get("logLikelihood").asDouble()))
                    .append(" / ")
                    .append(fmt(f.get(2).get("logLikelihood").asDouble()))
                    .append(" |\n");
        }
        md.append("\n| variant | heists scored | model | OOS log L | per heist | 90% coverage |\n");
        md.append("| --- | ---: | --- | ---: | ---: | ---: |\n");
        for (JsonNode[] v : new JsonNode[][] {{atOrigin}, {withKnown}}) {
            String name = v[0] == atOrigin ? "forecast at the origin" : "window's sanctions known";
            for (JsonNode s : v[0].at("/result/scores")) {
                md.append("| ")
                        .append(name)
                        .append(" | ")
                        .append(v[0].at("/result/events"))
                        .append(" | ")
                        .append(s.get("model").asText())
                        .append(" | ")
                        .append(fmt(s.get("logLikelihood").asDouble()))
                        .append(" | ")
                        .append(fmt(s.get("logLikelihoodPerEvent").asDouble()))
                        .append(" | ")
                        .append(s.get("covered"))
                        .append("/")
                        .append(s.get("windows"))
                        .append(" |\n");
            }
        }
        md.append("\nFull minus Poisson per heist: ")
                .append(fmt(atOrigin.at("/result/fullMinusPoissonPerEvent").asDouble()))
                .append(" (at origin), ")
                .append(fmt(withKnown.at("/result/fullMinusPoissonPerEvent").asDouble()))
                .append(" (known); full minus Hawkes: ")
                .append(fmt(atOrigin.at("/result/fullMinusHawkesPerEvent").asDouble()))
                .append(" (at origin), ")
                .append(fmt(withKnown.at("/result/fullMinusHawkesPerEvent").asDouble()))
                .append(" (known).\n");
        return md.toString();
    }

    private static String cellMarkdown(JsonNode known, JsonNode ownDate) {
        StringBuilder md = new StringBuilder();
        JsonNode c = known.at("/result/cells");
        int observed = 0;
        int withCell = 0;
        for (JsonNode w : c.get("windows")) {
            observed += w.get("observed").asInt();
            withCell += w.get("observedWithCell").asInt();
        }
        md.append(String.format(
                Locale.ROOT,
                "Cell backtest: %d windows of %s days from %s, %d heists in them (%d with a cell); group %s.\n\n",
                c.get("windows").size(),
                known.at("/inputs/windowDays").asText(),
                known.at("/inputs/firstOrigin").asText(),
                observed,
                withCell,
                c.get("groupSectors").toString()));
        md.append(
                "| model | cell log score | cell Brier | total RPS | mean PIT |\n| --- | ---: | ---: | ---: | ---: |\n");
        for (JsonNode t : c.get("totals")) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.2f | %.3f | %.2f | %.3f |\n",
                    t.get("model").asText(),
                    t.get("cellLogScore").asDouble(),
                    t.get("cellBrier").asDouble(),
                    t.get("totalRps").asDouble(),
                    t.get("meanTotalPit").asDouble()));
        }
        for (JsonNode[] v : new JsonNode[][] {{known}, {ownDate}}) {
            md.append(v[0] == known ? "\nKnown from attribution:\n\n" : "\nKnown from the heist's own date:\n\n");
            md.append("| metric | model | against | total difference | standard error |\n");
            md.append("| --- | --- | --- | ---: | ---: |\n");
            for (JsonNode d : v[0].at("/result/cells/differences")) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | %+.2f | %.2f |\n",
                        d.get("metric").asText(),
                        d.get("model").asText(),
                        d.get("against").asText(),
                        d.get("totalDifference").asDouble(),
                        d.get("standardErrorOfTotal").asDouble()));
            }
        }
        md.append("\nPIT of the served model by window:");
        for (JsonNode w : c.get("windows")) {
            md.append(String.format(
                    Locale.ROOT, " %.2f", w.get("scores").get(0).get("totalPit").asDouble()));
        }
        md.append("\n\nMarks, bank share (group) Brier summed over heists: adaptive ");
        double a = 0;
        double st = 0;
        for (JsonNode w : c.get("windows")) {
            a += w.at("/marks/adaptiveGroupBrier").asDouble();
            st += w.at("/marks/staticGroupBrier").asDouble();
        }
        md.append(String.format(Locale.ROOT, "%.3f, static %.3f.\n", a, st));
        return md.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
