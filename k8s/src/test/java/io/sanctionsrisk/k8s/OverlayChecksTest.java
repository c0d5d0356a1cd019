package io.sanctionsrisk.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every overlay renders with kubectl and passes every check. */
class OverlayChecksTest {

    static final List<String> OVERLAYS = Overlays.ALL;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void rendersWithKubectlKustomize(String overlay) {
        Kustomize.Rendering rendering = Kustomize.render(Overlays.dir(overlay));
        assertTrue(rendering.ok(), () -> "kubectl kustomize failed: " + rendering.error());
        assertTrue(Overlays.rendered(overlay).documents().size() > 20, "suspiciously few objects");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void bindsToTheFabric8ModelWithoutUnknownFields(String overlay) {
        assertNone(TypedModelCheck.check(Overlays.rendered(overlay)));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void matchesTheKubernetesOpenApiSchemas(String overlay) {
        assertNone(SchemaCheck.check(Overlays.rendered(overlay)));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void servicesSelectTheirPodsAndPorts(String overlay) {
        assertNone(ServiceCheck.check(Overlays.rendered(overlay)));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyWorkloadHasProbesResourcesAndARestrictedSecurityContext(String overlay) {
        assertNone(WorkloadCheck.check(Overlays.rendered(overlay)));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void containersAgreeWithTheServicesConfigurationPortsAndHealthEndpoints(String overlay) {
        List<String> warnings = new ArrayList<>();
        List<String> violations = ContainerConfigCheck.check(Overlays.rendered(overlay), Repo.current(), warnings);
        warnings.forEach(w -> System.out.println("WARNING [" + overlay + "] " + w));
        assertNone(violations);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void networkPoliciesAllowExactlyTheIntendedFlows(String overlay) {
        assertNone(NetworkPolicyCheck.check(Overlays.rendered(overlay), IntendedFlows.of(overlay)));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void autoscalersAndDisruptionBudgetsTargetRealWorkloads(String overlay) {
        assertNone(ScalingCheck.check(Overlays.rendered(overlay)));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void onlyTheGatewayAndKeycloakAreExposed(String overlay) {
        assertNone(IngressCheck.check(Overlays.rendered(overlay), Overlays.requiresTls(overlay)));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void keycloakImportsTheSingleRealmFile(String overlay) {
        assertNone(RealmCheck.check(
                Overlays.rendered(overlay), Repo.current(), Overlays.realmFile(Repo.current(), overlay)));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theRealmRotatesRefreshTokensAndIsProductionGradeInProd(String overlay) {
        assertNone(RealmPolicyCheck.check(Overlays.rendered(overlay), overlay.equals("prod")));
    }

    @Test
    void productionChecksTheDatabaseServerCertificate() {
        assertNone(DatabaseTlsCheck.check(
                Overlays.rendered("prod"), Repo.read(Repo.current().root().resolve("k8s/README.md")), "prod"));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void imagesArePinnedAndMatchTheBuild(String overlay) {
        assertNone(ImageCheck.check(Overlays.rendered(overlay), Repo.current(), Overlays.requiresDigests(overlay)));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void noSecretValueIsCommitted(String overlay) {
        assertNone(SecretCheck.check(Overlays.rendered(overlay), Repo.current()));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyReferencedSecretIsCreatedByADocumentedCommand(String overlay) {
        Repo repo = Repo.current();
        String readme = Repo.read(repo.root().resolve("k8s/README.md"));
        assertNone(ReadmeSecretsCheck.check(Overlays.rendered(overlay), repo, readme, overlay));
    }

    static void assertNone(List<String> violations) {
        assertEquals(
                List.of(),
                violations,
                () -> violations.size() + " violation(s):\n  " + String.join("\n  ", violations));
    }
}
