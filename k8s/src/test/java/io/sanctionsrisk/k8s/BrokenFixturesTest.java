package io.sanctionsrisk.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Each fixture in src/test/resources/broken/ is a real overlay plus one deliberate defect. The check meant for it
 * must reject it, naming the defect; the same check passes on the overlay itself (OverlayChecksTest), so the
 * rejection is the defect's doing.
 */
class BrokenFixturesTest {

    /** A fixture, the check that must reject it, and a fragment the rejection must contain. */
    record Fixture(String name, Function<Manifests, List<String>> check, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Fixture> FIXTURES = List.of(
            new Fixture("typed-misspelled-field", TypedModelCheck::check, "unknown field(s) [periodSecond]"),
            new Fixture("typed-unknown-kind", TypedModelCheck::check, "HorizontalPodAutoscalr"),
            new Fixture(
                    "schema-missing-required-field",
                    SchemaCheck::check,
                    "/spec/ports/0 must have required property port"),
            new Fixture("schema-wrong-type", SchemaCheck::check, "containerPort must be integer"),
            new Fixture("service-selector-typo", ServiceCheck::check, "Service/risk-service: selector"),
            new Fixture("workload-writable-root", WorkloadCheck::check, "readOnlyRootFilesystem must be true"),
            new Fixture("workload-no-readiness-probe", WorkloadCheck::check, "container gateway: no readinessProbe"),
            new Fixture(
                    "config-unknown-key",
                    m -> ContainerConfigCheck.check(m, Repo.current()),
                    "sets QUARKUS_DATASOURCE_JDBC_URLS, which maps to no configuration key of risk-service"),
            new Fixture(
                    "config-wrong-probe-path",
                    m -> ContainerConfigCheck.check(m, Repo.current()),
                    "readiness probe GETs /q/health/readiness"),
            new Fixture(
                    "config-port-mismatch",
                    m -> ContainerConfigCheck.check(m, Repo.current()),
                    "declares no containerPort 8081"),
            new Fixture(
                    "config-wrong-database",
                    m -> ContainerConfigCheck.check(m, Repo.current()),
                    "QUARKUS_DATASOURCE_USERNAME comes from risk-db/username but StatefulSet/postgres-sanctions"),
            new Fixture(
                    "config-keycloak-unknown-option",
                    m -> ContainerConfigCheck.check(m, Repo.current()),
                    "KC_HEALTH_ENABLE is not a Keycloak option"),
            new Fixture(
                    "config-management-on-service",
                    m -> ContainerConfigCheck.check(m, Repo.current()),
                    "targets the management port 9000"),
            new Fixture(
                    "config-backend-probe-on-api-port",
                    m -> ContainerConfigCheck.check(m, Repo.current()),
                    "readiness probe uses port 8080, but the health endpoints are on 9002"),
            new Fixture("ingress-routes-operations", m -> IngressCheck.check(m, false), "routes /q/"),
            new Fixture(
                    "network-extra-flow",
                    m -> NetworkPolicyCheck.check(m, IntendedFlows.dev()),
                    "allowed but not intended: risk-service -> internet:443/TCP"),
            new Fixture(
                    "network-selector-typo",
                    m -> NetworkPolicyCheck.check(m, IntendedFlows.dev()),
                    "intended but not allowed: gateway -> sanctions-service:8080/TCP"),
            new Fixture(
                    "scaling-missing-target",
                    ScalingCheck::check,
                    "HorizontalPodAutoscaler/risk-service: scaleTargetRef apps/v1 Deployment/risk"),
            new Fixture("scaling-blocking-pdb", ScalingCheck::check, "blocks every eviction"),
            new Fixture(
                    "ingress-exposes-backend", m -> IngressCheck.check(m, false), "exposes Service sanctions-service"),
            new Fixture(
                    "ingress-prod-without-tls",
                    m -> IngressCheck.check(m, true),
                    "host sanctions-risk.example.com is served without TLS"),
            new Fixture(
                    "realm-edited-copy",
                    m -> RealmCheck.check(m, Repo.current()),
                    "differs from k8s/keycloak/realm-sanctions-risk.json"),
            new Fixture(
                    "realm-prod-demo-user",
                    m -> RealmPolicyCheck.check(m, true),
                    "demo user admin in the production realm"),
            new Fixture("realm-prod-local-uri", m -> RealmPolicyCheck.check(m, true), "local or wildcard URI"),
            new Fixture(
                    "realm-offline-access", m -> RealmPolicyCheck.check(m, false), "browsers get no offline tokens"),
            new Fixture(
                    "ingress-exposes-every-realm",
                    m -> IngressCheck.check(m, false),
                    "exposes Keycloak path /realms/;"),
            new Fixture(
                    "image-prod-without-digest",
                    m -> ImageCheck.check(m, Repo.current(), true),
                    "gateway:0.1.0-SNAPSHOT is not pinned by digest"),
            new Fixture(
                    "image-malformed-digest",
                    m -> ImageCheck.check(m, Repo.current(), true),
                    "which is not sha256: and 64 lower-case hex digits"),
            new Fixture("image-latest", m -> ImageCheck.check(m, Repo.current()), "uses the tag latest"),
            new Fixture(
                    "image-tag-drift",
                    m -> ImageCheck.check(m, Repo.current()),
                    "image tag 0.0.9 is not the project version"),
            new Fixture(
                    "secret-plaintext-password",
                    m -> SecretCheck.check(m, Repo.current()),
                    "QUARKUS_DATASOURCE_PASSWORD looks secret but comes from LITERAL"),
            new Fixture(
                    "secret-generated",
                    m -> SecretCheck.check(m, Repo.current()),
                    "Secrets are created outside the repository"),
            new Fixture(
                    "database-ca-not-mounted",
                    m -> DatabaseTlsCheck.check(
                            m, Repo.read(Repo.current().root().resolve("k8s/README.md")), "prod"),
                    "Deployment/risk-service container risk-service: does not mount the database CA"),
            new Fixture(
                    "readme-undocumented-secret",
                    m -> ReadmeSecretsCheck.check(
                            m, Repo.current(), Repo.read(Repo.current().root().resolve("k8s/README.md")), "dev"),
                    "Secret gateway-keystore is referenced by the dev overlay but no README command creates it"));

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void theCheckRejectsItsBrokenFixture(Fixture fixture) {
        Manifests manifests =
                Kustomize.manifests(fixture.name(), Locations.brokenFixtures().resolve(fixture.name()));
        List<String> violations = fixture.check().apply(manifests);
        assertFalse(violations.isEmpty(), () -> fixture.name() + " passed the check meant to reject it");
        assertTrue(
                violations.stream().anyMatch(v -> v.contains(fixture.expected())),
                () -> fixture.name() + ": expected a violation containing \"" + fixture.expected() + "\", got:\n  "
                        + String.join("\n  ", violations));
    }

    @Test
    void kubectlRefusesAKustomizationWithAMissingResource() {
        Kustomize.Rendering rendering =
                Kustomize.render(Locations.brokenFixtures().resolve("render-missing-resource"));
        assertFalse(rendering.ok(), "kubectl kustomize accepted a missing resource");
        assertTrue(rendering.error().contains("network-policy-that-was-never-written.yaml"), rendering.error());
    }

    @Test
    void theSourceScanRejectsASecretGenerator() {
        List<String> violations =
                SecretCheck.checkSources(Locations.brokenFixtures().resolve("secret-generated"));
        assertTrue(violations.stream().anyMatch(v -> v.contains("secretGenerator")), violations::toString);
    }

    @Test
    void theImageCheckRejectsBuildCommandsThatTagAnotherVersion(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("pom.xml"), """
                <project><artifactId>sanctions-risk-suite</artifactId><version>1.2.3</version></project>
                """);
        Path docker = Files.createDirectories(root.resolve("gateway/src/main/docker"));
        Files.writeString(root.resolve("gateway/pom.xml"), "<project/>");
        Files.writeString(docker.resolve("Dockerfile.jvm"), """
                # docker build -f gateway/src/main/docker/Dockerfile.jvm -t sanctions-risk/gateway:1.2.2 gateway
                FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:1.24
                USER 185
                """);
        Files.createDirectories(root.resolve("k8s"));
        Files.writeString(root.resolve("k8s/README.md"), "docker push $REGISTRY/sanctions-risk/$m:1.2.0\n");
        List<String> violations = ImageCheck.documentedTags(new Repo(root), Set.of("gateway"));
        assertTrue(violations.stream().anyMatch(v -> v.contains("sanctions-risk/gateway:1.2.2")), violations::toString);
        assertTrue(violations.stream().anyMatch(v -> v.contains("README.md")), violations::toString);
    }

    @Test
    void aDatabaseUrlThatDoesNotVerifyTheServerIsRefused() {
        String readme = "<!-- secrets: prod -->\n```bash\nkubectl create secret generic risk-db"
                + " --from-literal=jdbc-url=\"jdbc:postgresql://db:5432/risk?sslmode=require\"\n```\n";
        List<String> violations = DatabaseTlsCheck.documentedUrls(readme, "prod");
        assertTrue(
                violations.stream().anyMatch(v -> v.contains("does not say sslmode=verify-full")),
                violations::toString);
        assertTrue(violations.stream().anyMatch(v -> v.contains("sslrootcert")), violations::toString);
    }

    @Test
    void generatedLookingValuesAreTakenForSecrets() {
        assertTrue(SecretCheck.looksGenerated("kR8v2QxL0pZ7mN4tY6wB1cD3"));
        assertTrue(SecretCheck.looksGenerated("Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA=="));
        assertFalse(SecretCheck.looksGenerated("http://keycloak:8080/realms/sanctions-risk"));
        assertFalse(SecretCheck.looksGenerated("xforwarded"));
        assertFalse(SecretCheck.looksGenerated("jdbc:postgresql://postgres-risk:5432/risk"));
    }

    @Test
    void everyFixtureFolderIsExercised() throws IOException {
        Set<String> folders;
        try (Stream<Path> dirs = Files.list(Locations.brokenFixtures())) {
            folders = dirs.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> exercised = FIXTURES.stream().map(Fixture::name).collect(Collectors.toCollection(TreeSet::new));
        exercised.add("render-missing-resource");
        assertEquals(folders, exercised);
    }
}
