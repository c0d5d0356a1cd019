package io.sanctionsrisk.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** NetworkPolicyCheck's reading of the NetworkPolicy API, on small hand-made manifests. */
class NetworkPolicySemanticsTest {

    private static final String PODS = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: a, namespace: ns}
            spec:
              selector: {matchLabels: {app: a}}
              template:
                metadata: {labels: {app: a}}
                spec:
                  containers: [{name: a, image: x:1, ports: [{name: http, containerPort: 8080}]}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: b, namespace: ns}
            spec:
              selector: {matchLabels: {app: b}}
              template:
                metadata: {labels: {app: b}}
                spec:
                  containers: [{name: b, image: x:1, ports: [{name: http, containerPort: 8080}, {name: admin, containerPort: 9000}]}]
            """;

    private static Set<String> flows(String policies) {
        Set<String> flows = new TreeSet<>();
        NetworkPolicyCheck.allowedFlows(Manifests.parse("test", PODS + "---\n" + policies))
                .forEach(f -> flows.add(f.toString()));
        return flows;
    }

    @Test
    void withoutPoliciesEverythingIsOpen() {
        Set<String> flows = flows("");
        assertTrue(flows.contains("a -> b:9000/TCP"));
        assertTrue(flows.contains("other-namespace-pod -> a:8080/TCP"));
        assertTrue(flows.contains("a -> internet:443/TCP"));
    }

    @Test
    void anIngressOnlyPolicyLeavesEgressOpenAndNamedPortsNarrowIt() {
        Set<String> flows = flows("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: b, namespace: ns}
                spec:
                  podSelector: {matchLabels: {app: b}}
                  ingress:
                    - from: [{podSelector: {matchLabels: {app: a}}}]
                      ports: [{port: http}]
                """);
        assertTrue(flows.contains("a -> b:8080/TCP"));
        assertFalse(flows.contains("a -> b:9000/TCP"));
        assertFalse(flows.contains("other-namespace-pod -> b:8080/TCP"));
        assertTrue(flows.contains("b -> internet:443/TCP"), "no Egress policy type: egress stays open");
    }

    @Test
    void namespaceAndPodSelectorsInOnePeerMustBothMatch() {
        String and = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: a, namespace: ns}
                spec:
                  podSelector: {matchLabels: {app: a}}
                  policyTypes: [Ingress]
                  ingress:
                    - from:
                        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}
                          podSelector: {matchLabels: {app.kubernetes.io/name: ingress-nginx}}
                """;
        Set<String> both = flows(and);
        assertTrue(both.contains("ingress-controller -> a:8080/TCP"));
        assertFalse(both.contains("b -> a:8080/TCP"));
        assertFalse(both.contains("kube-dns -> a:8080/TCP"));
        String or = and.replace(
                "          podSelector: {matchLabels: {app.kubernetes.io/name: ingress-nginx}}",
                "        - podSelector: {matchLabels: {app: b}}");
        Set<String> either = flows(or);
        assertTrue(either.contains("ingress-controller -> a:8080/TCP"));
        assertTrue(either.contains("b -> a:8080/TCP"), "a second peer is an alternative");
    }

    @Test
    void ipBlocksHonourTheirExceptions() {
        Set<String> flows = flows("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: a, namespace: ns}
                spec:
                  podSelector: {matchLabels: {app: a}}
                  policyTypes: [Egress]
                  egress:
                    - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [203.0.113.0/24]}}]
                """);
        assertTrue(flows.contains("a -> external-database:5432/TCP"));
        assertFalse(flows.contains("a -> internet:443/TCP"));
        assertFalse(flows.contains("a -> b:8080/TCP"), "an ipBlock does not select pods");
        assertEquals(true, NetworkPolicyCheck.inCidr("10.20.0.0/24", "10.20.0.10"));
        assertEquals(false, NetworkPolicyCheck.inCidr("10.20.0.0/24", "10.20.1.10"));
    }
}
