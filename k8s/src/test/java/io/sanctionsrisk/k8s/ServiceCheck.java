package io.sanctionsrisk.k8s;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every Service selects the pods of exactly one workload, and every port reaches a port those pods declare. */
final class ServiceCheck {

    private ServiceCheck() {}

    static List<String> check(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Service service : manifests.all(Service.class)) {
            String where = Manifests.id(service);
            Map<String, String> selector = service.getSpec().getSelector();
            if (selector == null || selector.isEmpty()) {
                violations.add(where + ": no selector (endpoints would have to be managed by hand)");
                continue;
            }
            List<Manifests.Workload> selected = manifests.workloads().stream()
                    .filter(w -> w.namespace().equals(Manifests.namespace(service)))
                    .filter(w -> Selectors.matches(selector, w.podLabels()))
                    .toList();
            if (selected.isEmpty()) {
                violations.add(where + ": selector " + selector + " selects no pods of any workload");
                continue;
            }
            if (selected.size() > 1) {
                violations.add(where + ": selector " + selector + " selects pods of several workloads "
                        + selected.stream().map(Manifests.Workload::id).toList());
            }
            List<ServicePort> ports = service.getSpec().getPorts() == null
                    ? List.of()
                    : service.getSpec().getPorts();
            if (ports.isEmpty()) {
                violations.add(where + ": no ports");
            }
            for (ServicePort port : ports) {
                IntOrString target =
                        port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
                for (Manifests.Workload workload : selected) {
                    Optional<?> resolved = Ports.resolve(workload, target);
                    if (resolved.isEmpty()) {
                        violations.add(where + ": port " + port.getName() + " targets " + Ports.show(target)
                                + ", which no container of " + workload.id() + " declares");
                    }
                }
            }
        }
        return violations;
    }
}
