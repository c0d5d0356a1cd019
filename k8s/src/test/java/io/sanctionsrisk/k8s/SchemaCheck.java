package io.sanctionsrisk.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates every rendered object against the Kubernetes OpenAPI schema of its kind (types, required fields,
 * formats), with kubernetes-models and @kubernetes-models/validate on Node (k8s/tools/validate-schemas.mjs).
 */
final class SchemaCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong RUNS = new AtomicLong();

    private SchemaCheck() {}

    static List<String> check(Manifests manifests) {
        try {
            Path dir = Files.createDirectories(Locations.workDir().resolve("schema"));
            Path input = dir.resolve(ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet() + ".json");
            Files.writeString(input, JSON.writeValueAsString(manifests.documents()));
            Path script = Locations.k8sDir().resolve("tools/validate-schemas.mjs");
            Processes.Result result = Processes.run(
                    List.of("node", script.toString(), Locations.nodePackages().toString(), input.toString()),
                    Duration.ofMinutes(2));
            Files.deleteIfExists(input);
            if (result.exitCode() != 0) {
                throw new IllegalStateException("schema validation did not run: " + result.stderr());
            }
            List<String> violations = new ArrayList<>();
            for (String line : result.stdout().lines().toList()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode problem = JSON.readTree(line);
                violations.add(problem.path("object").asString() + ": "
                        + problem.path("problem").asString());
            }
            return violations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
