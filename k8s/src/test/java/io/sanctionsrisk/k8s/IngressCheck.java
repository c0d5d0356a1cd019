package io.sanctionsrisk.k8s;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Only the gateway and Keycloak face the outside; Keycloak only with its public paths (no admin console); every
 * backend is a real Service port; with TLS required, every host is covered and Keycloak's hostname is https on
 * its Ingress host.
 */
final class IngressCheck {

    static final Set<String> EXPOSABLE = Set.of("gateway", "keycloak");
    /** The application realm and the static files of its pages: not master, not the admin console or API. */
    static final Set<String> KEYCLOAK_PUBLIC_PATHS = Set.of("/realms/sanctions-risk/", "/resources/");

    private IngressCheck() {}

    static List<String> check(Manifests manifests, boolean requireTls) {
        List<String> violations = new ArrayList<>();
        for (Ingress ingress : manifests.all(Ingress.class)) {
            String where = Manifests.id(ingress);
            if (ingress.getSpec().getIngressClassName() == null) {
                violations.add(where + ": no ingressClassName");
            }
            if (ingress.getSpec().getDefaultBackend() != null) {
                violations.add(where + ": has a defaultBackend; route hosts and paths explicitly");
            }
            List<IngressRule> rules = ingress.getSpec().getRules() == null
                    ? List.of()
                    : ingress.getSpec().getRules();
            for (IngressRule rule : rules) {
                if (rule.getHost() == null || rule.getHost().isBlank()) {
                    violations.add(where + ": a rule without host catches every name");
                }
                if (requireTls && !coveredByTls(ingress, rule.getHost())) {
                    violations.add(where + ": host " + rule.getHost() + " is served without TLS");
                }
                List<HTTPIngressPath> paths =
                        rule.getHttp() == null ? List.of() : rule.getHttp().getPaths();
                for (HTTPIngressPath path : paths) {
                    IngressServiceBackend backend =
                            path.getBackend() == null ? null : path.getBackend().getService();
                    if (backend == null) {
                        violations.add(where + ": path " + path.getPath() + " has no Service backend");
                        continue;
                    }
                    String service = backend.getName();
                    if (routesOperations(path.getPath())) {
                        violations.add(where + ": routes " + path.getPath()
                                + "; /q/* (health, metrics, OpenAPI) stays on the management ports, off the ingress");
                    }
                    if (!EXPOSABLE.contains(service)) {
                        violations.add(where + ": exposes Service " + service
                                + "; only the gateway and Keycloak face the outside");
                    }
                    if (service.equals("keycloak") && !KEYCLOAK_PUBLIC_PATHS.contains(path.getPath())) {
                        violations.add(where + ": exposes Keycloak path " + path.getPath() + "; only "
                                + KEYCLOAK_PUBLIC_PATHS + " are public (admin stays inside)");
                    }
                    Optional<Service> target = manifests.find(Service.class, service);
                    if (target.isEmpty()) {
                        violations.add(where + ": backend Service " + service + " does not exist");
                        continue;
                    }
                    var port = backend.getPort();
                    boolean portExists = target.get().getSpec().getPorts().stream()
                            .anyMatch(p -> port != null
                                    && ((port.getName() != null
                                                    && port.getName().equals(p.getName()))
                                            || (port.getNumber() != null
                                                    && port.getNumber().equals(p.getPort()))));
                    if (!portExists) {
                        violations.add(where + ": backend port of Service " + service + " does not exist");
                    }
                }
            }
            if (requireTls
                    && (ingress.getSpec().getTls() == null
                            || ingress.getSpec().getTls().isEmpty())) {
                violations.add(where + ": no TLS");
            }
        }
        if (requireTls) {
            keycloakHostname(manifests, violations);
        }
        return violations;
    }

    /** Whether an Ingress path names Quarkus' operational paths (/q, /q/...). */
    static boolean routesOperations(String path) {
        return path != null && (path.equals("/q") || path.startsWith("/q/"));
    }

    private static boolean coveredByTls(Ingress ingress, String host) {
        List<IngressTLS> tls = ingress.getSpec().getTls() == null
                ? List.of()
                : ingress.getSpec().getTls();
        return tls.stream()
                .anyMatch(t -> t.getSecretName() != null
                        && t.getHosts() != null
                        && t.getHosts().contains(host));
    }

    /** Tokens carry KC_HOSTNAME as issuer: behind TLS it must be https on the Keycloak Ingress host. */
    private static void keycloakHostname(Manifests manifests, List<String> violations) {
        Optional<String> host = manifests
                .find(Ingress.class, "keycloak")
                .flatMap(i -> i.getSpec().getRules().stream()
                        .map(IngressRule::getHost)
                        .findFirst());
        Optional<String> hostname = manifests.workloads().stream()
                .filter(w -> w.name().equals("keycloak"))
                .flatMap(w -> w.containers().stream())
                .map(c -> Env.of(c, manifests, "keycloak", new ArrayList<>()).get("KC_HOSTNAME"))
                .filter(v -> v != null)
                .flatMap(v -> v.knownValue().stream())
                .findFirst();
        if (host.isEmpty() || hostname.isEmpty()) {
            violations.add("Keycloak: no Ingress host or no KC_HOSTNAME to compare");
            return;
        }
        URI uri = URI.create(hostname.get());
        if (!"https".equals(uri.getScheme()) || !host.get().equals(uri.getHost())) {
            violations.add("Keycloak: KC_HOSTNAME " + hostname.get() + " is not https://" + host.get()
                    + ", the host its TLS Ingress serves");
        }
    }
}
