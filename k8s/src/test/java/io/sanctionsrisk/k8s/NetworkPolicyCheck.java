package io.sanctionsrisk.k8s;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Computes which connections the NetworkPolicies allow, with the API's semantics (a pod selected by no policy of
 * a direction is open in that direction; otherwise the union of the rules of the policies that select it; a
 * connection needs both the source's egress and the destination's ingress), between every workload of the
 * manifests and a few stand-ins for the world outside the namespace: the ingress controller, cluster DNS, a pod
 * in another namespace, an address in the external database network and an address on the internet. The
 * result must equal the intended set of flows exactly; every selector must also select something.
 */
final class NetworkPolicyCheck {

    /** One allowed connection: source, destination, destination port and protocol. */
    record Flow(String from, String to, int port, String protocol) implements Comparable<Flow> {
        @Override
        public String toString() {
            return from + " -> " + to + ":" + port + "/" + protocol;
        }

        @Override
        public int compareTo(Flow other) {
            return toString().compareTo(other.toString());
        }
    }

    /** A port a node listens on. */
    record Port(String name, int number, String protocol) {}

    /** A pod (in a namespace, with labels) or an address outside the cluster. */
    record Node(
            String name,
            String namespace,
            Map<String, String> namespaceLabels,
            Map<String, String> labels,
            String ip,
            List<Port> ports,
            boolean ours) {

        boolean isPod() {
            return ip == null;
        }
    }

    /** The stand-ins for the outside world; their ports are the ones that matter for the flows. */
    static List<Node> outside() {
        return List.of(
                new Node(
                        "ingress-controller",
                        "ingress-nginx",
                        Map.of("kubernetes.io/metadata.name", "ingress-nginx"),
                        Map.of("app.kubernetes.io/name", "ingress-nginx"),
                        null,
                        List.of(new Port("http", 80, "TCP"), new Port("https", 443, "TCP")),
                        false),
                new Node(
                        "monitoring",
                        "monitoring",
                        Map.of("kubernetes.io/metadata.name", "monitoring"),
                        Map.of("app.kubernetes.io/name", "prometheus"),
                        null,
                        List.of(new Port("web", 9090, "TCP")),
                        false),
                new Node(
                        "kube-dns",
                        "kube-system",
                        Map.of("kubernetes.io/metadata.name", "kube-system"),
                        Map.of("k8s-app", "kube-dns"),
                        null,
                        List.of(new Port("dns", 53, "UDP"), new Port("dns-tcp", 53, "TCP")),
                        false),
                new Node(
                        "other-namespace-pod",
                        "default",
                        Map.of("kubernetes.io/metadata.name", "default"),
                        Map.of("app.kubernetes.io/name", "something-else"),
                        null,
                        List.of(new Port("http", 8080, "TCP"), new Port("postgres", 5432, "TCP")),
                        false),
                new Node(
                        "external-database",
                        null,
                        Map.of(),
                        Map.of(),
                        "10.20.0.10",
                        List.of(new Port("postgres", 5432, "TCP")),
                        false),
                new Node(
                        "internet",
                        null,
                        Map.of(),
                        Map.of(),
                        "203.0.113.10",
                        List.of(new Port("https", 443, "TCP"), new Port("postgres", 5432, "TCP")),
                        false));
    }

    private NetworkPolicyCheck() {}

    static List<String> check(Manifests manifests, Set<String> expected) {
        List<String> violations = new ArrayList<>(selectorsSelectSomething(manifests));
        Set<String> allowed = new TreeSet<>();
        allowedFlows(manifests).forEach(f -> allowed.add(f.toString()));
        for (String flow : allowed) {
            if (!expected.contains(flow)) {
                violations.add("allowed but not intended: " + flow);
            }
        }
        for (String flow : expected) {
            if (!allowed.contains(flow)) {
                violations.add("intended but not allowed: " + flow);
            }
        }
        return violations;
    }

    static List<Node> nodes(Manifests manifests) {
        Map<String, Map<String, String>> namespaceLabels = new HashMap<>();
        for (Namespace namespace : manifests.all(Namespace.class)) {
            Map<String, String> labels = new HashMap<>();
            if (namespace.getMetadata().getLabels() != null) {
                labels.putAll(namespace.getMetadata().getLabels());
            }
            labels.put("kubernetes.io/metadata.name", namespace.getMetadata().getName());
            namespaceLabels.put(namespace.getMetadata().getName(), labels);
        }
        List<Node> nodes = new ArrayList<>();
        for (Manifests.Workload workload : manifests.workloads()) {
            List<Port> ports = Ports.of(workload).stream()
                    .map(p -> new Port(p.getName(), p.getContainerPort(), Ports.protocol(p)))
                    .toList();
            nodes.add(new Node(
                    workload.name(),
                    workload.namespace(),
                    namespaceLabels.getOrDefault(
                            workload.namespace(), Map.of("kubernetes.io/metadata.name", workload.namespace())),
                    workload.podLabels(),
                    null,
                    ports,
                    true));
        }
        nodes.addAll(outside());
        return nodes;
    }

    static Set<Flow> allowedFlows(Manifests manifests) {
        List<Node> nodes = nodes(manifests);
        List<NetworkPolicy> policies = manifests.all(NetworkPolicy.class);
        Set<Flow> flows = new TreeSet<>();
        for (Node from : nodes) {
            for (Node to : nodes) {
                if (!from.ours() && !to.ours()) {
                    continue;
                }
                for (Port port : to.ports()) {
                    if (egressAllows(policies, from, to, port) && ingressAllows(policies, from, to, port)) {
                        flows.add(new Flow(from.name(), to.name(), port.number(), port.protocol()));
                    }
                }
            }
        }
        return flows;
    }

    private static boolean egressAllows(List<NetworkPolicy> policies, Node from, Node to, Port port) {
        if (!from.ours()) {
            return true; // the outside world's own policies are not ours to check
        }
        List<NetworkPolicy> selecting = selecting(policies, from, "Egress");
        if (selecting.isEmpty()) {
            return true;
        }
        for (NetworkPolicy policy : selecting) {
            var rules = policy.getSpec().getEgress() == null
                    ? List.<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule>of()
                    : policy.getSpec().getEgress();
            for (var rule : rules) {
                if (peersMatch(rule.getTo(), policy, to) && portsMatch(rule.getPorts(), port)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean ingressAllows(List<NetworkPolicy> policies, Node from, Node to, Port port) {
        if (!to.ours()) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(policies, to, "Ingress");
        if (selecting.isEmpty()) {
            return true;
        }
        for (NetworkPolicy policy : selecting) {
            var rules = policy.getSpec().getIngress() == null
                    ? List.<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule>of()
                    : policy.getSpec().getIngress();
            for (var rule : rules) {
                if (peersMatch(rule.getFrom(), policy, from) && portsMatch(rule.getPorts(), port)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<NetworkPolicy> selecting(List<NetworkPolicy> policies, Node node, String direction) {
        return policies.stream()
                .filter(p -> Objects.equals(Manifests.namespace(p), node.namespace()))
                .filter(p -> Selectors.matches(p.getSpec().getPodSelector(), node.labels()))
                .filter(p -> types(p).contains(direction))
                .toList();
    }

    /** policyTypes as the API server defaults it: Ingress always, Egress when egress rules exist. */
    static List<String> types(NetworkPolicy policy) {
        if (policy.getSpec().getPolicyTypes() != null
                && !policy.getSpec().getPolicyTypes().isEmpty()) {
            return policy.getSpec().getPolicyTypes();
        }
        List<String> types = new ArrayList<>(List.of("Ingress"));
        if (policy.getSpec().getEgress() != null
                && !policy.getSpec().getEgress().isEmpty()) {
            types.add("Egress");
        }
        return types;
    }

    private static boolean peersMatch(List<NetworkPolicyPeer> peers, NetworkPolicy policy, Node node) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        return peers.stream().anyMatch(peer -> peerMatches(peer, policy, node));
    }

    static boolean peerMatches(NetworkPolicyPeer peer, NetworkPolicy policy, Node node) {
        if (peer.getIpBlock() != null) {
            return !node.isPod() && inBlock(peer.getIpBlock(), node.ip());
        }
        if (!node.isPod()) {
            return false;
        }
        LabelSelector namespaces = peer.getNamespaceSelector();
        LabelSelector pods = peer.getPodSelector();
        boolean namespaceOk = namespaces == null
                ? Objects.equals(node.namespace(), Manifests.namespace(policy))
                : Selectors.matches(namespaces, node.namespaceLabels());
        boolean podOk = pods == null || Selectors.matches(pods, node.labels());
        return namespaceOk && podOk;
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, Port port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort rule : ports) {
            String protocol = Objects.requireNonNullElse(rule.getProtocol(), "TCP");
            if (!protocol.equals(port.protocol())) {
                continue;
            }
            IntOrString p = rule.getPort();
            if (p == null) {
                return true;
            }
            if (p.getIntVal() != null) {
                int end = rule.getEndPort() != null ? rule.getEndPort() : p.getIntVal();
                if (port.number() >= p.getIntVal() && port.number() <= end) {
                    return true;
                }
            } else if (p.getStrVal() != null && p.getStrVal().equals(port.name())) {
                return true;
            }
        }
        return false;
    }

    static boolean inBlock(IPBlock block, String ip) {
        if (!inCidr(block.getCidr(), ip)) {
            return false;
        }
        List<String> except = block.getExcept() == null ? List.of() : block.getExcept();
        return except.stream().noneMatch(cidr -> inCidr(cidr, ip));
    }

    static boolean inCidr(String cidr, String ip) {
        try {
            String[] parts = cidr.split("/");
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            byte[] address = InetAddress.getByName(ip).getAddress();
            if (network.length != address.length) {
                return false;
            }
            int bits = parts.length > 1 ? Integer.parseInt(parts[1]) : network.length * 8;
            int total = network.length * 8;
            BigInteger mask = bits == 0
                    ? BigInteger.ZERO
                    : BigInteger.ONE
                            .shiftLeft(total)
                            .subtract(BigInteger.ONE)
                            .shiftRight(total - bits)
                            .shiftLeft(total - bits);
            return new BigInteger(1, network).and(mask).equals(new BigInteger(1, address).and(mask));
        } catch (UnknownHostException | RuntimeException e) {
            return false;
        }
    }

    /** Every policy selects at least one pod, and every pod selector in a peer matches a known pod. */
    private static List<String> selectorsSelectSomething(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        List<Node> nodes = nodes(manifests);
        List<Node> ours = nodes.stream().filter(Node::ours).toList();
        for (NetworkPolicy policy : manifests.all(NetworkPolicy.class)) {
            String where = Manifests.id(policy);
            LabelSelector podSelector = policy.getSpec().getPodSelector();
            if (podSelector == null) {
                violations.add(where + ": no podSelector");
                continue;
            }
            boolean selects = ours.stream()
                    .anyMatch(n -> Objects.equals(n.namespace(), Manifests.namespace(policy))
                            && Selectors.matches(podSelector, n.labels()));
            if (!selects) {
                violations.add(where + ": podSelector " + show(podSelector) + " selects no pod of the manifests");
            }
            Stream<NetworkPolicyPeer> peers = Stream.concat(
                    policy.getSpec().getIngress() == null
                            ? Stream.empty()
                            : policy.getSpec().getIngress().stream()
                                    .flatMap(r -> r.getFrom() == null ? Stream.empty() : r.getFrom().stream()),
                    policy.getSpec().getEgress() == null
                            ? Stream.empty()
                            : policy.getSpec().getEgress().stream()
                                    .flatMap(r -> r.getTo() == null ? Stream.empty() : r.getTo().stream()));
            peers.forEach(peer -> {
                if (peer.getIpBlock() == null && nodes.stream().noneMatch(n -> peerMatches(peer, policy, n))) {
                    violations.add(where + ": peer " + show(peer.getNamespaceSelector()) + " "
                            + show(peer.getPodSelector()) + " selects no pod");
                }
            });
            List<String> portNames = Stream.concat(
                            policy.getSpec().getIngress() == null
                                    ? Stream.empty()
                                    : policy.getSpec().getIngress().stream()
                                            .flatMap(
                                                    r -> r.getPorts() == null ? Stream.empty() : r.getPorts().stream()),
                            policy.getSpec().getEgress() == null
                                    ? Stream.empty()
                                    : policy.getSpec().getEgress().stream()
                                            .flatMap(
                                                    r -> r.getPorts() == null ? Stream.empty() : r.getPorts().stream()))
                    .map(NetworkPolicyPort::getPort)
                    .filter(p -> p != null && p.getStrVal() != null)
                    .map(IntOrString::getStrVal)
                    .toList();
            for (String name : portNames) {
                boolean known = nodes.stream().flatMap(n -> n.ports().stream()).anyMatch(p -> name.equals(p.name()));
                if (!known) {
                    violations.add(where + ": names port " + name + ", which no container declares");
                }
            }
        }
        return violations;
    }

    private static String show(LabelSelector selector) {
        if (selector == null) {
            return "";
        }
        return "{" + (selector.getMatchLabels() == null ? "" : selector.getMatchLabels())
                + (selector.getMatchExpressions() == null
                                || selector.getMatchExpressions().isEmpty()
                        ? ""
                        : " " + selector.getMatchExpressions())
                + "}";
    }
}
