package io.sanctionsrisk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Lints an OpenAPI document with Redocly CLI's recommended rules. The CLI is pinned in e2e/test-support/openapi-lint
 * (package.json and package-lock.json) and installed there by the build of this module ({@code npm ci
 * --prefer-offline}, so it works offline once npm's cache holds the package).
 */
public final class OpenApiLint {

    /** Set (surefire, from -Dopenapi.lint.skip or -DskipTests) to skip the lint where node is not installed. */
    public static final String SKIP = "openapi.lint.skip";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]*");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");

    private OpenApiLint() {}

    public static boolean skipped() {
        return Boolean.parseBoolean(System.getProperty(SKIP, "false"));
    }

    /**
     * Writes {@code document} to target/openapi/{@code service}.json and lints it.
     *
     * @return every error and warning, one line each ("severity ruleId pointer: message"); empty when clean
     */
    public static List<String> lint(String document, String service) throws IOException, InterruptedException {
        Path file = Path.of("target", "openapi", service + ".json");
        Path tooling = Path.of(System.getProperty("openapi.lint.dir", "../e2e/test-support/openapi-lint"));
        Path cli = tooling.resolve("node_modules/.bin/redocly");
        if (!Files.isExecutable(cli)) {
            throw new IllegalStateException(cli + " is not installed: build e2e/test-support (./mvnw -pl"
                    + " e2e/test-support install) or run npm ci in " + tooling);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, document, StandardCharsets.UTF_8);
        Path report = file.resolveSibling(file.getFileName() + ".lint.json");
        ProcessBuilder builder = new ProcessBuilder(
                        cli.toString(),
                        "lint",
                        "--config",
                        tooling.resolve("redocly.yaml").toString(),
                        "--format",
                        "json",
                        file.toString())
                .redirectOutput(report.toFile())
                .redirectError(
                        file.resolveSibling(file.getFileName() + ".lint.log").toFile());
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        builder.environment().put("NO_COLOR", "1");
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("redocly lint did not finish in 5 minutes");
        }
        JsonNode result = JSON.readTree(report.toFile());
        if (!result.has("totals")) {
            throw new IllegalStateException("redocly lint exited with " + process.exitValue() + " and no report; see "
                    + file.resolveSibling(file.getFileName() + ".lint.log"));
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode problem : result.path("problems")) {
            problems.add(problem.path("severity").asText() + " "
                    + problem.path("ruleId").asText() + " "
                    + problem.path("location").path(0).path("pointer").asText() + ": "
                    + problem.path("message").asText());
        }
        int counted = result.path("totals").path("errors").asInt()
                + result.path("totals").path("warnings").asInt();
        if (counted != problems.size()) {
            problems.add("totals say " + counted + " errors and warnings, the report lists " + problems.size());
        }
        return problems;
    }

    /**
     * The project's own rules, checked without node: every operation has a unique camelCase operationId, every
     * response a description, every error answer an application/problem+json body, and the document servers and a
     * licence.
     *
     * @return one line for each breach; empty when the document keeps them
     */
    public static List<String> conventions(JsonNode document) {
        List<String> breaches = new ArrayList<>();
        if (document.path("servers").isEmpty()) {
            breaches.add("no servers");
        }
        if (document.path("info").path("license").path("name").asText().isBlank()) {
            breaches.add("no licence");
        }
        Set<String> ids = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String where = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                String id = op.getValue().path("operationId").asText();
                if (!CAMEL_CASE.matcher(id).matches()) {
                    breaches.add(where + ": operationId '" + id + "' is not camelCase");
                } else if (!ids.add(id)) {
                    breaches.add(where + ": operationId '" + id + "' is used twice");
                }
                responses(document, where, op.getValue().path("responses"), breaches);
            }
        }
        return breaches;
    }

    private static void responses(JsonNode document, String where, JsonNode responses, List<String> breaches) {
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode response = entry.getValue();
            String ref = response.path("$ref").asText();
            if (ref.startsWith("#/components/responses/")) {
                response = document.path("components")
                        .path("responses")
                        .path(ref.substring("#/components/responses/".length()));
            }
            if (response.path("description").asText().isBlank()) {
                breaches.add(where + " " + entry.getKey() + ": no description");
            }
            if (entry.getKey().matches("[45]\\d\\d")
                    && response.path("content").path("application/problem+json").isMissingNode()) {
                breaches.add(where + " " + entry.getKey() + ": no application/problem+json body");
            }
        }
    }
}
