package io.sanctionsrisk.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * HorizontalPodAutoscalers scale workloads that exist and can be measured (a CPU target needs CPU requests), and do
 * not fight a fixed replica count; PodDisruptionBudgets select exactly one workload and never block a node drain.
 */
final class ScalingCheck {

    private ScalingCheck() {}

    static List<String> check(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (HorizontalPodAutoscaler hpa : manifests.all(HorizontalPodAutoscaler.class)) {
            String where = Manifests.id(hpa);
            var ref = hpa.getSpec().getScaleTargetRef();
            Optional<Manifests.Workload> target =
                    ref == null ? Optional.empty() : manifests.workload(ref.getKind(), ref.getName());
            if (target.isEmpty() || !"apps/v1".equals(ref.getApiVersion())) {
                violations.add(where + ": scaleTargetRef "
                        + (ref == null ? "(none)" : ref.getApiVersion() + " " + ref.getKind() + "/" + ref.getName())
                        + " is no workload of the manifests");
                continue;
            }
            int min = hpa.getSpec().getMinReplicas() == null ? 1 : hpa.getSpec().getMinReplicas();
            if (min < 1
                    || hpa.getSpec().getMaxReplicas() == null
                    || hpa.getSpec().getMaxReplicas() < min) {
                violations.add(
                        where + ": replicas range " + min + ".." + hpa.getSpec().getMaxReplicas() + " is empty");
            }
            if (target.get().replicas() != null) {
                violations.add(where + ": " + target.get().id() + " also fixes replicas: "
                        + target.get().replicas() + " (every apply would undo the autoscaler)");
            }
            List<MetricSpec> metrics = hpa.getSpec().getMetrics() == null
                    ? List.of()
                    : hpa.getSpec().getMetrics();
            if (metrics.isEmpty()) {
                violations.add(where + ": no metrics");
            }
            for (MetricSpec metric : metrics) {
                if (metric.getResource() == null) {
                    continue;
                }
                String resource = metric.getResource().getName();
                for (Container container : target.get().containers()) {
                    boolean requested = container.getResources() != null
                            && container.getResources().getRequests() != null
                            && container.getResources().getRequests().containsKey(resource);
                    if (!requested) {
                        violations.add(where + ": scales on " + resource + " utilisation, but container "
                                + container.getName() + " requests no " + resource);
                    }
                }
            }
        }
        for (PodDisruptionBudget pdb : manifests.all(PodDisruptionBudget.class)) {
            String where = Manifests.id(pdb);
            List<Manifests.Workload> selected = manifests.workloads().stream()
                    .filter(w -> Selectors.matches(pdb.getSpec().getSelector(), w.podLabels()))
                    .toList();
            if (selected.size() != 1 || Selectors.isEmpty(pdb.getSpec().getSelector())) {
                violations.add(where + ": selects " + selected.size() + " workloads, expected exactly one");
                continue;
            }
            Manifests.Workload workload = selected.get(0);
            int replicas = minimumReplicas(manifests, workload);
            IntOrString minAvailable = pdb.getSpec().getMinAvailable();
            IntOrString maxUnavailable = pdb.getSpec().getMaxUnavailable();
            if (minAvailable != null && minAvailable.getIntVal() != null && minAvailable.getIntVal() >= replicas) {
                violations.add(where + ": minAvailable " + minAvailable.getIntVal() + " with at least " + replicas
                        + " replica(s) of " + workload.id() + " blocks every eviction");
            }
            if (maxUnavailable != null
                    && ((maxUnavailable.getIntVal() != null && maxUnavailable.getIntVal() < 1)
                            || "0%".equals(maxUnavailable.getStrVal()))) {
                violations.add(where + ": maxUnavailable 0 blocks every eviction");
            }
            if (minAvailable == null && maxUnavailable == null) {
                violations.add(where + ": sets neither minAvailable nor maxUnavailable");
            }
        }
        return violations;
    }

    /** The replicas a workload never goes below: its autoscaler's minimum, or its own count (default 1). */
    static int minimumReplicas(Manifests manifests, Manifests.Workload workload) {
        return manifests.all(HorizontalPodAutoscaler.class).stream()
                .filter(h -> h.getSpec().getScaleTargetRef() != null
                        && workload.kind()
                                .equals(h.getSpec().getScaleTargetRef().getKind())
                        && workload.name()
                                .equals(h.getSpec().getScaleTargetRef().getName()))
                .map(h -> h.getSpec().getMinReplicas() == null ? 1 : h.getSpec().getMinReplicas())
                .findFirst()
                .orElse(workload.replicas() == null ? 1 : workload.replicas());
    }
}
