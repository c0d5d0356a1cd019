package io.sanctionsrisk.k8s;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The network flows the architecture intends (DESIGN.md, "Kubernetes"), per overlay, in NetworkPolicyCheck's notation. */
final class IntendedFlows {

    private IntendedFlows() {}

    private static final List<String> COMMON = List.of(
            "ingress-controller -> gateway:8080/TCP",
            "ingress-controller -> keycloak:8080/TCP",
            "monitoring -> gateway:9000/TCP",
            "monitoring -> sanctions-service:9001/TCP",
            "monitoring -> risk-service:9002/TCP",
            "gateway -> sanctions-service:8080/TCP",
            "gateway -> risk-service:8080/TCP",
            "gateway -> keycloak:8080/TCP",
            "risk-service -> sanctions-service:8080/TCP",
            "sanctions-service -> keycloak:8080/TCP",
            "risk-service -> keycloak:8080/TCP");

    static Set<String> dev() {
        Set<String> flows = new TreeSet<>(COMMON);
        flows.add("sanctions-service -> postgres-sanctions:5432/TCP");
        flows.add("risk-service -> postgres-risk:5432/TCP");
        dns(flows, "gateway", "sanctions-service", "risk-service", "keycloak", "postgres-sanctions", "postgres-risk");
        return flows;
    }

    static Set<String> prod() {
        Set<String> flows = new TreeSet<>(COMMON);
        flows.add("sanctions-service -> external-database:5432/TCP");
        flows.add("risk-service -> external-database:5432/TCP");
        flows.add("keycloak -> external-database:5432/TCP");
        flows.add("keycloak -> keycloak:7800/TCP");
        flows.add("keycloak -> keycloak:57800/TCP");
        dns(flows, "gateway", "sanctions-service", "risk-service", "keycloak");
        return flows;
    }

    static Set<String> of(String overlay) {
        return switch (overlay) {
            case "dev" -> dev();
            case "prod" -> prod();
            default -> throw new IllegalArgumentException("no intended flows for overlay " + overlay);
        };
    }

    private static void dns(Set<String> flows, String... workloads) {
        for (String workload : workloads) {
            flows.add(workload + " -> kube-dns:53/UDP");
            flows.add(workload + " -> kube-dns:53/TCP");
        }
    }
}
