package io.sanctionsrisk.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Named and numbered ports resolved against containers, as Services, probes and NetworkPolicies do. */
final class Ports {

    private Ports() {}

    static List<ContainerPort> of(Container container) {
        return container.getPorts() == null ? List.of() : container.getPorts();
    }

    static List<ContainerPort> of(Manifests.Workload workload) {
        return workload.containers().stream().flatMap(c -> of(c).stream()).toList();
    }

    static String protocol(ContainerPort port) {
        return Objects.requireNonNullElse(port.getProtocol(), "TCP");
    }

    /** The container port a name or number refers to, among the workload's containers. */
    static Optional<ContainerPort> resolve(Manifests.Workload workload, IntOrString port) {
        return of(workload).stream().filter(p -> refersTo(port, p)).findFirst();
    }

    static Optional<ContainerPort> resolve(Container container, IntOrString port) {
        return of(container).stream().filter(p -> refersTo(port, p)).findFirst();
    }

    static boolean refersTo(IntOrString reference, ContainerPort port) {
        if (reference == null) {
            return false;
        }
        if (reference.getIntVal() != null) {
            return reference.getIntVal().equals(port.getContainerPort());
        }
        return reference.getStrVal() != null && reference.getStrVal().equals(port.getName());
    }

    static String show(IntOrString port) {
        if (port == null) {
            return "(none)";
        }
        return port.getIntVal() != null ? port.getIntVal().toString() : port.getStrVal();
    }
}
