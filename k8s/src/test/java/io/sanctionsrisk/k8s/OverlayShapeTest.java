package io.sanctionsrisk.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What each overlay must contain, beyond passing the checks. */
class OverlayShapeTest {

    private static final Set<String> SERVICES = Set.of("gateway", "sanctions-service", "risk-service", "keycloak");

    @Test
    void devRunsOneReplicaEachWithPostgresqlInTheClusterOnClaimedVolumes() {
        Manifests dev = Overlays.rendered("dev");
        assertEquals(
                Set.of("postgres-sanctions", "postgres-risk"),
                names(dev.all(StatefulSet.class).stream()
                        .map(s -> s.getMetadata().getName())
                        .toList()));
        for (StatefulSet statefulSet : dev.all(StatefulSet.class)) {
            assertEquals(1, statefulSet.getSpec().getReplicas());
            assertEquals(
                    1,
                    statefulSet.getSpec().getVolumeClaimTemplates().size(),
                    statefulSet.getMetadata().getName());
        }
        for (Manifests.Workload workload : dev.workloads()) {
            assertTrue(workload.replicas() == null || workload.replicas() == 1, workload.id() + " runs more than one");
        }
        assertTrue(dev.all(HorizontalPodAutoscaler.class).isEmpty(), "dev needs no autoscalers");
        assertTrue(dev.all(PodDisruptionBudget.class).isEmpty(), "single replicas: a PDB would only block drains");
    }

    @Test
    void prodUsesExternalDatabasesAutoscalersDisruptionBudgetsAndTls() {
        Manifests prod = Overlays.rendered("prod");
        assertTrue(prod.all(StatefulSet.class).isEmpty(), "prod runs no database in the cluster");
        assertEquals(
                Set.of("gateway", "risk-service"),
                names(prod.all(HorizontalPodAutoscaler.class).stream()
                        .map(h -> h.getSpec().getScaleTargetRef().getName())
                        .toList()));
        assertEquals(
                SERVICES,
                names(prod.all(PodDisruptionBudget.class).stream()
                        .map(p -> p.getMetadata().getName())
                        .toList()));
        for (Manifests.Workload workload : prod.workloads()) {
            assertTrue(ScalingCheck.minimumReplicas(prod, workload) >= 2, workload.id() + " runs a single replica");
            assertTrue(
                    workload.pod().getTopologySpreadConstraints() != null
                            && !workload.pod().getTopologySpreadConstraints().isEmpty(),
                    workload.id() + " is not spread");
        }
        for (String service : List.of("sanctions-service", "risk-service")) {
            Manifests.Workload workload = prod.workload("Deployment", service).orElseThrow();
            var env = Env.of(workload.containers().get(0), prod, service, new java.util.ArrayList<>());
            assertTrue(env.get("QUARKUS_DATASOURCE_JDBC_URL").fromSecret(), service + " database URL from a Secret");
        }
        for (Ingress ingress : prod.all(Ingress.class)) {
            assertTrue(ingress.getSpec().getTls() != null
                    && !ingress.getSpec().getTls().isEmpty());
        }
    }

    @Test
    void bothOverlaysShareTheNamespaceWithPodSecurityRestricted() {
        for (String overlay : Overlays.ALL) {
            Manifests manifests = Overlays.rendered(overlay);
            List<Namespace> namespaces = manifests.all(Namespace.class);
            assertEquals(1, namespaces.size());
            Map<String, String> labels = namespaces.get(0).getMetadata().getLabels();
            assertEquals("restricted", labels.get("pod-security.kubernetes.io/enforce"));
            assertTrue(manifests.objects().stream()
                    .filter(o -> !(o instanceof Namespace))
                    .allMatch(o -> "sanctions-risk".equals(o.getMetadata().getNamespace())));
            assertEquals(
                    SERVICES,
                    names(manifests.workloads().stream()
                            .map(Manifests.Workload::name)
                            .filter(SERVICES::contains)
                            .toList()));
        }
    }

    @Test
    void theSourcesHoldNoSecretsAndNoSecondRealmFile() {
        Path k8s = Locations.k8sDir();
        List<String> violations = new java.util.ArrayList<>();
        for (String dir : List.of("base", "overlays", "keycloak")) {
            violations.addAll(SecretCheck.checkSources(k8s.resolve(dir)));
        }
        violations.addAll(RealmCheck.singleSource(Repo.current()));
        OverlayChecksTest.assertNone(violations);
    }

    private static Set<String> names(List<String> names) {
        return names.stream().collect(Collectors.toCollection(TreeSet::new));
    }
}
