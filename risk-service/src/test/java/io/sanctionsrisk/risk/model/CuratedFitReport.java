package io.sanctionsrisk.risk.model;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.Sanction;
import io.sanctionsrisk.cadence.forecast.CadenceForecast;
import io.sanctionsrisk.cadence.forecast.ExpectedCount;
import io.sanctionsrisk.risk.testing.CuratedData;
import io.sanctionsrisk.risk.testing.SanctionsServiceApi;
import io.sanctionsrisk.risk.testing.SanctionsServiceProcess;
import io.sanctionsrisk.testing.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fit on the curated data, reproducibly: a sanctions-service on a fresh schema loads its curated seed, the
 * risk-service refits through its normal path (POST /api/v1/model/refits), and two sensitivity fits go through
 * POST /api/v1/model/fits on the same placed events. Writes target/curated-fit.json (the raw answers) and
 * target/curated-fit.md (the tables quoted in MODEL.md, "Fit on the curated data").
 *
 * <p>Run alone: {@code ./mvnw -pl risk-service -am verify -Dtest=CuratedFitReport
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@TestProfile(CuratedData.class)
class CuratedFitReport {

    /** Measures that designate or charge the heist crews themselves: reactions to heists more than causes. */
    static final Set<String> REACTIVE_MEASURES =
            Set.of("cyber-actor-designation", "crypto-mixer-designation", "criminal-charges");

    static final int MIN_CONFIDENCE = 60;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void fitsTheCuratedDataAndWritesTheReport() throws IOException {
        JsonNode refit = read(given().auth()
                .oauth2(Tokens.forUser("admin"))
                .post("/api/v1/model/refits")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        JsonNode model = refit.get("model");
        long incidents = SanctionsServiceApi.total(
                SanctionsServiceProcess.started(new CuratedData().sanctionsSchema())
                        .baseUrl(),
                "incidents");
        long excludedIncidents = count(model.at("/data/excluded"), "incident");
        assertEquals(incidents, model.at("/data/events").asLong() + excludedIncidents);
        assertTrue(model.at("/data/events").asInt() > 10, "the curated seed holds dozens of heists");
        assertTrue(model.at("/data/easingSanctions").asInt() > 0, "the seed's easing events are listed");
        assertEquals(3, model.at("/diagnostics/comparisons").size());
        // at() never returns null: a missing or renamed field would pass a null check, so check the kinds
        assertTrue(model.at("/diagnostics/hitTimeBudget").isBoolean());
        assertFalse(model.at("/diagnostics/hitTimeBudget").asBoolean());
        assertTrue(model.at("/diagnostics/goodnessOfFit/ksPValue").isNumber());
        assertTrue(model.at("/diagnostics/sanctionsBootstrap/replicatesRun").isInt());
        assertTrue(model.at("/diagnostics/aicWeights").size() >= 3);
        assertTrue(model.at("/diagnostics/servedModel/baselineReason").isTextual());

        JsonNode inputs = read(given().auth()
                .oauth2(Tokens.forUser("admin"))
                .queryParam("from", model.at("/window/start").asText().substring(0, 4) + "-01-01")
                .queryParam("step", "3660")
                .get("/api/v1/model/intensity")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        JsonNode everySanction = read(given().auth()
                .oauth2(Tokens.forUser("admin"))
                .queryParam("from", "1990-01-01")
                .queryParam("to", model.at("/window/end").asText())
                .queryParam("step", "3660")
                .get("/api/v1/model/intensity")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        double T = model.at("/window/lengthDays").asDouble();
        JsonNode heists = inputs.get("heists");
        JsonNode sanctions = everySanction.get("sanctions");

        JsonNode exogenous = fit(T, heists, sanctions, false, 0);
        JsonNode confident = fit(T, heists, sanctions, false, MIN_CONFIDENCE);
        JsonNode both = fit(T, heists, sanctions, true, MIN_CONFIDENCE);
        JsonNode reactiveOnly = fit(T, heists, sanctions, true, 0);
        // the inline path on the snapshot's own input reproduces the snapshot
        assertEquals(
                model.at("/parameters").toString(), exogenous.at("/parameters").toString());

        ObjectNode report = JSON.createObjectNode();
        report.put("generatedBy", "CuratedFitReport (risk-service tests); regenerate with the command in its javadoc");
        report.set("refit", refit);
        report.set("sensitivityReactiveMeasuresZero", reactiveOnly);
        report.set("sensitivityConfidenceAtLeast" + MIN_CONFIDENCE, confident);
        report.set("sensitivityBoth", both);
        Path dir = Path.of(System.getProperty("curated.fit.output.dir", "target"));
        Files.createDirectories(dir);
        ExpectedCount origins = origins(model, sanctions);
        report.putObject("expectedHeistsByOrigin")
                .put("baseline", origins.baseline())
                .put("sanctions", origins.sanctions())
                .put("total", origins.total());
        Files.writeString(dir.resolve("curated-fit.json"), JSON.writeValueAsString(report));
        Files.writeString(
                dir.resolve("curated-fit.md"), markdown(model, reactiveOnly, confident, both, heists, origins));
    }

    /** The same placed events and sanctions through POST /api/v1/model/fits, with the sensitivity's changes. */
    private JsonNode fit(double T, JsonNode heists, JsonNode sanctions, boolean zeroReactive, int minConfidence)
            throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("windowDays", T);
        ArrayNode events = body.putArray("events");
        for (JsonNode h : heists) {
            JsonNode confidence = h.get("attributionConfidence");
            if (confidence == null || confidence.isNull() || confidence.asInt() >= minConfidence) {
                events.add(h.get("time").asDouble());
            }
        }
        ArrayNode shocks = body.putArray("sanctions");
        for (JsonNode s : sanctions) {
            double weight = s.get("weight").asDouble();
            if (zeroReactive && allReactive(s.get("measures"))) {
                weight = 0;
            }
            if (weight > 0) { // as the snapshot does: zero-weight sanctions are listed, not fitted
                shocks.addObject().put("time", s.get("time").asDouble()).put("weight", weight);
            }
        }
        body.put("timeBudgetMillis", 120_000);
        return read(given().auth()
                .oauth2(Tokens.forUser("policy"))
                .contentType(ContentType.JSON)
                .body(JSON.writeValueAsString(body))
                .post("/api/v1/model/fits")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    /**
     * Expected heists over the window from an empty history, split by origin with the model's mean equation:
     * baseline immigrants and sanctions-triggered ones, each with all their offspring.
     */
    private static ExpectedCount origins(JsonNode model, JsonNode sanctions) {
        JsonNode p = model.get("parameters");
        CadenceParameters parameters = new CadenceParameters(
                p.get("mu").asDouble(),
                p.get("kappa").asDouble(),
                p.get("alpha").asDouble(),
                p.get("beta").asDouble(),
                p.get("delta").asDouble(),
                p.get("kernelShape").asInt());
        List<Sanction> shocks = new ArrayList<>();
        for (JsonNode s : sanctions) {
            shocks.add(new Sanction(s.get("time").asDouble(), s.get("weight").asDouble()));
        }
        return CadenceForecast.expectedCount(
                parameters, 0, shocks, 0, model.at("/window/lengthDays").asDouble());
    }

    private static boolean allReactive(JsonNode measures) {
        if (measures == null || measures.isEmpty()) {
            return false;
        }
        for (JsonNode m : measures) {
            if (!REACTIVE_MEASURES.contains(m.asText())) {
                return false;
            }
        }
        return true;
    }

    private static String markdown(
            JsonNode model,
            JsonNode reactiveOnly,
            JsonNode confident,
            JsonNode both,
            JsonNode heists,
            ExpectedCount origins) {
        StringBuilder md = new StringBuilder();
        md.append("<!-- Generated by CuratedFitReport (risk-service tests): ./mvnw -pl risk-service -am verify")
                .append(" -Dtest=CuratedFitReport -Dsurefire.failIfNoSpecifiedTests=false -->\n\n");
        md.append("# Fit on the curated data\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Window %s .. %s (T = %.0f days); %d heists; %d tightening sanctions (weight = severity), %d easing"
                        + " (weight 0); sanctions-service data version %d; model %s; input digest `%s`.\n\n",
                model.at("/window/start").asText(),
                model.at("/window/end").asText(),
                model.at("/window/lengthDays").asDouble(),
                model.at("/data/events").asInt(),
                model.at("/data/sanctions").asInt(),
                model.at("/data/easingSanctions").asInt(),
                model.at("/versions/data").asLong(),
                model.at("/versions/model").asText(),
                model.at("/inputDigest").asText()));
        md.append(String.format(
                Locale.ROOT,
                "Kernel shape k = %d (chosen by AIC: %s); converged: %s.\n\n",
                model.at("/parameters/kernelShape").asInt(),
                model.at("/diagnostics/kernelShapeChosenByAic").asBoolean(),
                model.at("/diagnostics/converged").asBoolean()));
        md.append("## Parameters\n\n| parameter | estimate | standard error | 95% interval | identified | note |\n");
        md.append("| --- | --- | --- | --- | --- | --- |\n");
        for (JsonNode e : model.get("estimates")) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %s |\n",
                    e.get("name").asText(),
                    num(e.get("estimate")),
                    num(e.get("standardError")),
                    e.get("lower95").isNull() ? "-" : num(e.get("lower95")) + " .. " + num(e.get("upper95")),
                    e.get("wellIdentified").asBoolean() ? "yes" : "no",
                    e.get("note").asText()));
        }
        md.append(String.format(
                Locale.ROOT,
                "\nMean sanctions lag k/delta = %s days; mean offspring lag 1/beta = %s days.\n\n",
                num(model.at("/parameters/meanSanctionLagDays")),
                num(JSON.getNodeFactory()
                        .numberNode(1.0 / model.at("/parameters/beta").asDouble()))));
        md.append(String.format(
                Locale.ROOT,
                "Expected heists over the window under the fit, by origin (mean equation, from an empty history,"
                        + " offspring included): baseline %.1f, sanctions %.1f, total %.1f (observed %d).\n\n",
                origins.baseline(),
                origins.sanctions(),
                origins.total(),
                heists.size()));
        md.append("## Kernel shapes\n\n| k | log-likelihood | AIC |\n| --- | --- | --- |\n");
        for (JsonNode s : model.at("/diagnostics/kernelShapes")) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %s | %s |\n",
                    s.get("kernelShape").asInt(),
                    num(s.get("logLikelihood")),
                    num(s.get("aic"))));
        }
        md.append("\n## AIC against the baselines\n\n| model | parameters | log-likelihood | AIC | AIC - full |\n");
        md.append("| --- | --- | --- | --- | --- |\n");
        for (JsonNode c : model.at("/diagnostics/comparisons")) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %s | %s | %s |\n",
                    c.get("model").asText(),
                    c.get("parameterCount").asInt(),
                    num(c.get("logLikelihood")),
                    num(c.get("aic")),
                    num(c.get("aicMinusFullModel"))));
        }
        md.append("\n## Likelihood-ratio tests\n\n| null | alternative | statistic | df | p-value |\n");
        md.append("| --- | --- | --- | --- | --- |\n");
        for (JsonNode t : model.at("/diagnostics/likelihoodRatioTests")) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %d | %s |\n",
                    t.get("nullModel").asText(),
                    t.get("alternativeModel").asText(),
                    num(t.get("statistic")),
                    t.get("degreesOfFreedom").asInt(),
                    num(t.get("pValue"))));
        }
        JsonNode gof = model.at("/diagnostics/goodnessOfFit");
        md.append(String.format(
                Locale.ROOT,
                "\n## Goodness of fit (time rescaling)\n\n%d rescaled gaps: KS statistic %s, p-value %s; mean gap %s"
                        + " (1 under the model).\n\n",
                gof.get("gapCount").asInt(),
                num(gof.get("ksStatistic")),
                num(gof.get("ksPValue")),
                num(gof.get("meanGap"))));
        JsonNode boot = model.at("/diagnostics/sanctionsBootstrap");
        md.append(String.format(
                Locale.ROOT,
                "## Bootstrap of the sanctions term\n\nObserved statistic %s; %d of %d replicates run (seed %d,"
                        + " budget %d ms, budget hit: %s), %d exceedances: p = %s, Monte Carlo standard error %s.\n\n",
                num(boot.get("observedStatistic")),
                boot.get("replicatesRun").asInt(),
                boot.get("replicatesRequested").asInt(),
                boot.get("seed").asLong(),
                boot.get("budgetMillis").asLong(),
                boot.get("hitBudget").asBoolean(),
                boot.get("exceedances").asInt(),
                num(boot.get("pValue")),
                num(boot.get("monteCarloError"))));
        md.append("## Akaike weights\n\n| model | k | parameters | log-likelihood | AIC | delta AIC | weight |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (JsonNode w : model.at("/diagnostics/aicWeights")) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %s | %s | %s | %.3f |\n",
                    w.get("model").asText(),
                    w.get("kernelShape").asInt(),
                    w.get("parameterCount").asInt(),
                    num(w.get("logLikelihood")),
                    num(w.get("aic")),
                    num(w.get("deltaAic")),
                    w.get("weight").asDouble()));
        }
        JsonNode served = model.at("/diagnostics/servedModel");
        md.append(String.format(
                Locale.ROOT,
                "\n## The served model\n\n- kernel shape: %s\n- baseline: %s\n- marks: %s (%s)\n\n",
                served.get("kernelShapeReason").asText(),
                served.get("baselineReason").asText(),
                served.get("marksReason").asText(),
                served.get("marksPrior").asText()));
        md.append("## Sensitivity (same placed events, POST /api/v1/model/fits)\n\n");
        md.append(
                "| variant | heists | k | mu | kappa | alpha | delta | AIC - Poisson | AIC - Hawkes | LR p (sanctions)"
                        + " | KS p |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        md.append(row("as served", model, model.at("/data/events").asInt()));
        md.append(row(
                "reactive measures weight 0",
                reactiveOnly,
                reactiveOnly.get("eventCount").asInt()));
        md.append(row(
                "confidence >= " + MIN_CONFIDENCE,
                confident,
                confident.get("eventCount").asInt()));
        md.append(row("both", both, both.get("eventCount").asInt()));
        md.append("\nReactive measures: ")
                .append(String.join(", ", new java.util.TreeSet<>(REACTIVE_MEASURES)))
                .append(" (a sanction counts as reactive when all its measures are).\n");
        List<String> excluded = new ArrayList<>();
        for (JsonNode x : model.at("/data/excluded")) {
            excluded.add(x.get("kind").asText() + " " + x.get("key").asText() + " ("
                    + x.get("reason").asText() + ")");
        }
        md.append("\nLeft out of the fit: ")
                .append(excluded.isEmpty() ? "nothing" : String.join("; ", excluded))
                .append(".\n");
        return md.toString();
    }

    private static String row(String name, JsonNode fit, int heists) {
        JsonNode comparisons = fit.at("/diagnostics/comparisons");
        double full = fit.at("/diagnostics/aic").asDouble();
        double poisson = Double.NaN;
        double hawkes = Double.NaN;
        for (JsonNode c : comparisons) {
            if (c.get("model").asText().equals("homogeneous-poisson")) {
                poisson = c.get("aic").asDouble() - full;
            } else if (c.get("model").asText().equals("hawkes-without-sanctions")) {
                hawkes = c.get("aic").asDouble() - full;
            }
        }
        double lrP = Double.NaN;
        for (JsonNode t : fit.at("/diagnostics/likelihoodRatioTests")) {
            if (t.get("nullModel").asText().equals("hawkes-without-sanctions")) {
                lrP = t.get("pValue").asDouble();
            }
        }
        return String.format(
                Locale.ROOT,
                "| %s | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s |\n",
                name,
                heists,
                fit.at("/parameters/kernelShape").asInt(),
                num(fit.at("/parameters/mu")),
                num(fit.at("/parameters/kappa")),
                num(fit.at("/parameters/alpha")),
                num(fit.at("/parameters/delta")),
                num(JSON.getNodeFactory().numberNode(poisson)),
                num(JSON.getNodeFactory().numberNode(hawkes)),
                num(JSON.getNodeFactory().numberNode(lrP)),
                num(fit.at("/diagnostics/goodnessOfFit/ksPValue")));
    }

    private static String num(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "-";
        }
        double v = n.asDouble();
        if (!Double.isFinite(v)) {
            return "-";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e5 ? String.format(Locale.ROOT, "%.4g", v) : String.format(Locale.ROOT, "%.3e", v);
    }

    private static long count(JsonNode excluded, String kind) {
        long n = 0;
        for (JsonNode x : excluded) {
            if (kind.equals(x.get("kind").asText())) {
                n++;
            }
        }
        return n;
    }

    private static JsonNode read(String json) throws IOException {
        return JSON.readTree(json);
    }
}
