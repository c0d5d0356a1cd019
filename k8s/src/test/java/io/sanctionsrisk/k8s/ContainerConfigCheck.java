package io.sanctionsrisk.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The manifests agree with the software they run. For the suite's Quarkus services: every environment variable
 * is a configuration key of that service (a key of its application.properties, or a variable its comments name,
 * the way a service documents a key it keeps out of the file, such as a secret), the service listens on all
 * interfaces on the container port the manifests declare, the probes hit its health endpoints on the right port,
 * the datasource and OIDC settings point at objects that exist. For Keycloak: every KC_ variable is a Keycloak
 * option, health is on, probes use the management port, the optimized start has its build step. For PostgreSQL:
 * known variables only, data on the claimed volume. Keys a service has not declared yet may be listed in
 * pending-config-keys.txt; they are reported as warnings, not failures.
 */
final class ContainerConfigCheck {

    static final Pattern JDBC_POSTGRES = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/([^?]+).*");
    private static final Set<String> POSTGRES_VARIABLES =
            Set.of("POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD", "PGDATA", "POSTGRES_INITDB_ARGS");
    private static final Set<String> KEYCLOAK_LAUNCHER_VARIABLES =
            Set.of("JAVA_OPTS", "JAVA_OPTS_APPEND", "JAVA_OPTS_KC_HEAP");

    private ContainerConfigCheck() {}

    static List<String> check(Manifests manifests, Repo repo) {
        return check(manifests, repo, new ArrayList<>());
    }

    static List<String> check(Manifests manifests, Repo repo, List<String> warnings) {
        List<String> violations = new ArrayList<>();
        Map<String, Set<String>> pending = Repo.pendingConfigKeys();
        for (Manifests.Workload workload : manifests.workloads()) {
            for (Container container : workload.allContainers()) {
                boolean init = workload.initContainers().contains(container);
                String where = workload.id() + " container " + container.getName();
                ImageRef image = ImageRef.parse(container.getImage());
                if (Repo.IMAGE_GROUP.equals(image.group()) && Repo.SERVICE_MODULES.contains(image.name())) {
                    quarkus(
                            manifests,
                            repo,
                            workload,
                            container,
                            repo.module(image.name()),
                            pending,
                            where,
                            violations,
                            warnings);
                } else if (image.repository().equals(Repo.KEYCLOAK_IMAGE)) {
                    keycloak(manifests, repo, workload, container, init, where, violations);
                } else if (image.name().equals("postgres")) {
                    postgres(manifests, workload, container, where, violations);
                } else {
                    violations.add(where + ": image " + container.getImage()
                            + " is none of the suite's services, Keycloak or PostgreSQL; nothing to check it against");
                }
            }
        }
        return violations;
    }

    // --- Quarkus services --------------------------------------------------------------------------------------

    private static void quarkus(
            Manifests manifests,
            Repo repo,
            Manifests.Workload workload,
            Container container,
            Repo.ServiceModule module,
            Map<String, Set<String>> pending,
            String where,
            List<String> violations,
            List<String> warnings) {
        if (!module.exists()) {
            violations.add(where + ": runs module " + module.name() + ", which is not in the repository");
            return;
        }
        Map<String, Env.Variable> env = Env.of(container, manifests, where, violations);
        Set<String> keys = module.keys();
        Map<String, String> keyByEnvName =
                keys.stream().collect(Collectors.toMap(Env::quarkusName, Function.identity(), (a, b) -> a));
        Set<String> documented = module.documentedVariables();
        Set<String> pendingKeys = pending.getOrDefault(module.name(), Set.of());
        Set<String> pendingEnvNames = pendingKeys.stream().map(Env::quarkusName).collect(Collectors.toSet());
        for (Env.Variable variable : env.values()) {
            if (variable.source() == Env.Source.SECRET_ALL_KEYS) {
                violations.add(where + ": imports every key of Secret " + variable.refName()
                        + " (envFrom); name each variable with a secretKeyRef so it can be checked");
                continue;
            }
            String name = variable.name();
            if (keyByEnvName.containsKey(name) || documented.contains(name)) {
                continue;
            }
            if (pendingEnvNames.contains(name)) {
                warnings.add(where + ": sets " + name + ", a key " + module.name()
                        + " does not declare yet (listed in pending-config-keys.txt)");
                continue;
            }
            violations.add(where + ": sets " + name + ", which maps to no configuration key of " + module.name() + " ("
                    + repo.root().relativize(module.applicationProperties()) + ")");
        }
        for (String key : pendingKeys) {
            if (key.startsWith("extension:")) {
                continue;
            }
            if (keys.contains(key) || documented.contains(Env.quarkusName(key))) {
                warnings.add(module.name() + " now declares " + key + ": remove it from pending-config-keys.txt");
            }
        }

        Optional<Repo.Dockerfile> dockerfile = module.parsedDockerfile();
        Function<String, Optional<String>> effective = key -> {
            Optional<String> fromEnv =
                    Optional.ofNullable(env.get(Env.quarkusName(key))).flatMap(Env.Variable::knownValue);
            return fromEnv.or(() -> module.prodValue(key));
        };

        Optional<Integer> httpPort =
                integer(effective.apply("quarkus.http.port").orElse("8080"));
        if (httpPort.isEmpty()) {
            violations.add(where + ": cannot tell the HTTP port (quarkus.http.port = "
                    + effective.apply("quarkus.http.port").orElse("") + ")");
            return;
        }
        String host = dockerfile
                .map(d -> d.systemProperties().get("quarkus.http.host"))
                .or(() -> effective.apply("quarkus.http.host"))
                .orElse("0.0.0.0");
        if (!host.equals("0.0.0.0")) {
            violations.add(where + ": listens on " + host
                    + " only; in a container it must bind 0.0.0.0 (Dockerfile JAVA_OPTS_APPEND or QUARKUS_HTTP_HOST)");
        }
        boolean management =
                effective.apply("quarkus.management.enabled").orElse("false").equals("true");
        int healthPort = management
                ? integer(effective.apply("quarkus.management.port").orElse("9000"))
                        .orElse(9000)
                : httpPort.get();
        if (management) {
            managementPort(manifests, workload, container, effective, dockerfile, healthPort, where, violations);
        }
        String nonApplicationRoot = absolute(
                "/", effective.apply("quarkus.http.non-application-root-path").orElse("q"));
        String healthRoot = absolute(
                nonApplicationRoot,
                effective.apply("quarkus.smallrye-health.root-path").orElse("health"));
        String live = healthRoot + "/"
                + effective.apply("quarkus.smallrye-health.liveness-path").orElse("live");
        String ready = healthRoot + "/"
                + effective.apply("quarkus.smallrye-health.readiness-path").orElse("ready");
        String started = healthRoot + "/"
                + effective.apply("quarkus.smallrye-health.startup-path").orElse("started");

        if (!module.dependencies().contains("quarkus-smallrye-health")) {
            if (pendingKeys.contains("extension:quarkus-smallrye-health")) {
                warnings.add(where + ": " + module.name() + " has no quarkus-smallrye-health yet (pending)");
            } else {
                violations.add(where + ": " + module.name() + " does not depend on quarkus-smallrye-health, so " + live
                        + " does not exist");
            }
        }
        if (Ports.of(container).stream().noneMatch(p -> httpPort.get().equals(p.getContainerPort()))) {
            violations.add(where + ": declares no containerPort " + httpPort.get() + ", where " + module.name()
                    + " listens (quarkus.http.port)");
        }
        probe(container, container.getLivenessProbe(), "liveness", Set.of(live), healthPort, where, violations);
        probe(container, container.getReadinessProbe(), "readiness", Set.of(ready), healthPort, where, violations);
        if (container.getStartupProbe() != null) {
            probe(
                    container,
                    container.getStartupProbe(),
                    "startup",
                    Set.of(live, started),
                    healthPort,
                    where,
                    violations);
        }
        servicesTarget(manifests, workload, container, httpPort.get(), where, violations);

        if (keys.stream().anyMatch(k -> k.startsWith("quarkus.datasource."))) {
            for (String key : List.of(
                    "quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password")) {
                if (!env.containsKey(Env.quarkusName(key))) {
                    violations.add(where + ": does not set " + Env.quarkusName(key)
                            + " (application.properties only has the local value)");
                }
            }
            datasource(manifests, workload, env, where, violations);
        }
        if (keys.contains("quarkus.oidc.auth-server-url") && !env.containsKey("QUARKUS_OIDC_AUTH_SERVER_URL")) {
            violations.add(where + ": does not set QUARKUS_OIDC_AUTH_SERVER_URL (the default points at 127.0.0.1)");
        }
        String realm = realmName(repo);
        for (Env.Variable variable : env.values()) {
            Optional<String> value = variable.knownValue();
            if (value.isPresent() && value.get().matches("https?://.*")) {
                internalUrl(manifests, workload, variable.name(), value.get(), where, violations);
                if (variable.name().endsWith("AUTH_SERVER_URL")
                        && !URI.create(value.get()).getPath().equals("/realms/" + realm)) {
                    violations.add(
                            where + ": " + variable.name() + " = " + value.get() + " does not name the realm " + realm);
                }
            }
        }
    }

    private static void datasource(
            Manifests manifests,
            Manifests.Workload workload,
            Map<String, Env.Variable> env,
            String where,
            List<String> violations) {
        Optional<String> url =
                Optional.ofNullable(env.get("QUARKUS_DATASOURCE_JDBC_URL")).flatMap(Env.Variable::knownValue);
        if (url.isEmpty()) {
            return;
        }
        Matcher jdbc = JDBC_POSTGRES.matcher(url.get());
        if (!jdbc.matches()) {
            violations.add(where + ": QUARKUS_DATASOURCE_JDBC_URL is not a PostgreSQL JDBC URL: " + url.get());
            return;
        }
        String host = jdbc.group(1);
        int port = jdbc.group(2) == null ? 5432 : Integer.parseInt(jdbc.group(2));
        String database = jdbc.group(3);
        Optional<Manifests.Workload> target = serviceTarget(manifests, workload, host, port, where, violations);
        if (target.isEmpty()) {
            return;
        }
        Container postgres = target.get().containers().get(0);
        Map<String, Env.Variable> dbEnv = Env.of(postgres, manifests, where, new ArrayList<>());
        String db = Optional.ofNullable(dbEnv.get("POSTGRES_DB"))
                .flatMap(Env.Variable::knownValue)
                .orElse(null);
        if (!database.equals(db)) {
            violations.add(where + ": JDBC URL names database " + database + ", but "
                    + target.get().id() + " creates " + db);
        }
        sameSecret(env.get("QUARKUS_DATASOURCE_USERNAME"), dbEnv.get("POSTGRES_USER"), where, target.get(), violations);
        sameSecret(
                env.get("QUARKUS_DATASOURCE_PASSWORD"),
                dbEnv.get("POSTGRES_PASSWORD"),
                where,
                target.get(),
                violations);
    }

    private static void sameSecret(
            Env.Variable app, Env.Variable db, String where, Manifests.Workload target, List<String> violations) {
        if (app == null || db == null) {
            return;
        }
        if (!Objects.equals(app.refName(), db.refName()) || !Objects.equals(app.refKey(), db.refKey())) {
            violations.add(where + ": " + app.name() + " comes from " + app.refName() + "/" + app.refKey() + " but "
                    + target.id() + " takes " + db.name() + " from " + db.refName() + "/" + db.refKey());
        }
    }

    private static void internalUrl(
            Manifests manifests,
            Manifests.Workload workload,
            String variable,
            String value,
            String where,
            List<String> violations) {
        URI uri = URI.create(value);
        String host = uri.getHost();
        if (host == null || host.contains(".")) {
            return; // an external address: nothing in the manifests to match
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : (uri.getScheme().equals("https") ? 443 : 80);
        serviceTarget(manifests, workload, host, port, where + ": " + variable, violations);
    }

    /** The workload behind an in-namespace Service name and port, or a violation. */
    private static Optional<Manifests.Workload> serviceTarget(
            Manifests manifests,
            Manifests.Workload from,
            String host,
            int port,
            String where,
            List<String> violations) {
        Optional<Service> service = manifests.find(Service.class, host);
        if (service.isEmpty()) {
            violations.add(where + ": points at " + host + ":" + port + ", but no Service " + host + " exists");
            return Optional.empty();
        }
        List<ServicePort> ports = service.get().getSpec().getPorts() == null
                ? List.of()
                : service.get().getSpec().getPorts();
        if (ports.stream().noneMatch(p -> p.getPort() == port)) {
            violations.add(where + ": points at " + host + ":" + port + ", but Service " + host + " exposes "
                    + ports.stream().map(ServicePort::getPort).toList());
        }
        return manifests.workloads().stream()
                .filter(w -> Selectors.matches(service.get().getSpec().getSelector(), w.podLabels()))
                .findFirst();
    }

    private static void servicesTarget(
            Manifests manifests,
            Manifests.Workload workload,
            Container container,
            int port,
            String where,
            List<String> violations) {
        for (Service service : manifests.all(Service.class)) {
            if (!Selectors.matches(service.getSpec().getSelector(), workload.podLabels())) {
                continue;
            }
            for (ServicePort servicePort : service.getSpec().getPorts()) {
                Optional<ContainerPort> target = Ports.resolve(container, servicePort.getTargetPort());
                if (target.isPresent() && target.get().getContainerPort() != port) {
                    violations.add(where + ": " + Manifests.id(service) + " port " + servicePort.getName()
                            + " reaches container port " + target.get().getContainerPort()
                            + ", but the service listens on " + port);
                }
            }
        }
    }

    /**
     * The management interface (/q/*) binds 0.0.0.0 on a declared container port, and no Service targets it, so no
     * Ingress can route it: only what a NetworkPolicy lets in (monitoring) reaches it.
     */
    private static void managementPort(
            Manifests manifests,
            Manifests.Workload workload,
            Container container,
            Function<String, Optional<String>> effective,
            Optional<Repo.Dockerfile> dockerfile,
            int port,
            String where,
            List<String> violations) {
        String host = dockerfile
                .map(d -> d.systemProperties().get("quarkus.management.host"))
                .or(() -> effective.apply("quarkus.management.host"))
                .orElse("0.0.0.0");
        if (!host.equals("0.0.0.0")) {
            violations.add(where + ": the management interface listens on " + host
                    + " only; in a container it must bind 0.0.0.0 (QUARKUS_MANAGEMENT_HOST)");
        }
        List<ContainerPort> declared = Ports.of(container).stream()
                .filter(p -> Integer.valueOf(port).equals(p.getContainerPort()))
                .toList();
        if (declared.isEmpty()) {
            violations.add(where + ": declares no containerPort " + port + " for the management interface");
        }
        for (Service service : manifests.all(Service.class)) {
            if (!Selectors.matches(service.getSpec().getSelector(), workload.podLabels())) {
                continue;
            }
            for (ServicePort servicePort : service.getSpec().getPorts()) {
                var target = servicePort.getTargetPort();
                boolean byNumber = target != null && Integer.valueOf(port).equals(target.getIntVal());
                boolean byName = target != null
                        && target.getStrVal() != null
                        && declared.stream().anyMatch(p -> target.getStrVal().equals(p.getName()));
                if (byNumber || byName) {
                    violations.add(where + ": Service " + service.getMetadata().getName()
                            + " targets the management port " + port + "; /q/* must stay off every Service");
                }
            }
        }
    }

    private static void probe(
            Container container,
            Probe probe,
            String kind,
            Set<String> paths,
            int port,
            String where,
            List<String> violations) {
        if (probe == null) {
            return; // WorkloadCheck reports missing probes
        }
        HTTPGetAction get = probe.getHttpGet();
        if (get == null) {
            violations.add(where + ": " + kind + " probe is not an HTTP GET on " + paths);
            return;
        }
        if (!paths.contains(get.getPath())) {
            violations.add(where + ": " + kind + " probe GETs " + get.getPath() + ", expected one of " + paths);
        }
        Optional<ContainerPort> target = Ports.resolve(container, get.getPort());
        if (target.isEmpty()) {
            violations.add(
                    where + ": " + kind + " probe port " + Ports.show(get.getPort()) + " is no port of the container");
        } else if (target.get().getContainerPort() != port) {
            violations.add(where + ": " + kind + " probe uses port "
                    + target.get().getContainerPort() + ", but the health endpoints are on " + port);
        }
    }

    // --- Keycloak ----------------------------------------------------------------------------------------------

    private static void keycloak(
            Manifests manifests,
            Repo repo,
            Manifests.Workload workload,
            Container container,
            boolean init,
            String where,
            List<String> violations) {
        Map<String, Env.Variable> env = Env.of(container, manifests, where, violations);
        List<Pattern> options = Repo.keycloakOptions().stream()
                .map(o -> Pattern.compile(
                        "KC_" + o.toUpperCase().replace('-', '_').replaceAll("<[A-Z_]+>", "[A-Z0-9_]+")))
                .toList();
        Set<String> placeholders = RealmCheck.placeholders(repo);
        for (Env.Variable variable : env.values()) {
            String name = variable.name();
            if (variable.source() == Env.Source.SECRET_ALL_KEYS) {
                violations.add(where + ": imports every key of Secret " + variable.refName()
                        + " (envFrom); name each variable with a secretKeyRef");
            } else if (name.startsWith("KC_")) {
                if (options.stream().noneMatch(p -> p.matcher(name).matches())) {
                    violations.add(where + ": " + name + " is not a Keycloak option (keycloak-options.txt)");
                }
            } else if (name.startsWith("SR_")) {
                if (!placeholders.contains(name)) {
                    violations.add(where + ": " + name + " is no placeholder of the realm file");
                }
            } else if (!KEYCLOAK_LAUNCHER_VARIABLES.contains(name)) {
                violations.add(where + ": " + name + " is neither a Keycloak option nor a realm placeholder");
            }
        }
        Function<String, Optional<String>> value =
                name -> Optional.ofNullable(env.get(name)).flatMap(Env.Variable::knownValue);
        List<String> args = container.getArgs() == null ? List.of() : container.getArgs();
        if (init) {
            return;
        }
        if (args.contains("start-dev") || !args.contains("start")) {
            violations.add(where + ": must run `start` (production mode), not " + args);
        }
        if (!value.apply("KC_HEALTH_ENABLED").orElse("false").equals("true")) {
            violations.add(where + ": KC_HEALTH_ENABLED is not true, so the probes' /health endpoints do not exist");
        }
        if (!value.apply("KC_HTTP_ENABLED").orElse("false").equals("true")) {
            violations.add(where + ": KC_HTTP_ENABLED is not true; TLS ends at the Ingress, the pod serves HTTP");
        }
        if (value.apply("KC_HOSTNAME").isEmpty()) {
            violations.add(where + ": KC_HOSTNAME is not set, so the token issuer would follow each request");
        }
        int http = integer(value.apply("KC_HTTP_PORT").orElse("8080")).orElse(-1);
        int managementPort =
                integer(value.apply("KC_HTTP_MANAGEMENT_PORT").orElse("9000")).orElse(-1);
        if (Ports.of(container).stream().noneMatch(p -> p.getContainerPort() == http)) {
            violations.add(where + ": declares no containerPort " + http + " (KC_HTTP_PORT)");
        }
        probe(
                container,
                container.getLivenessProbe(),
                "liveness",
                Set.of("/health/live"),
                managementPort,
                where,
                violations);
        probe(
                container,
                container.getReadinessProbe(),
                "readiness",
                Set.of("/health/ready"),
                managementPort,
                where,
                violations);
        if (container.getStartupProbe() != null) {
            probe(
                    container,
                    container.getStartupProbe(),
                    "startup",
                    Set.of("/health/started"),
                    managementPort,
                    where,
                    violations);
        }
        servicesTarget(manifests, workload, container, http, where, violations);
        if (args.contains("--optimized")) {
            optimizedStart(workload, container, where, violations);
        }
    }

    /** `start --optimized` needs an init container that ran `build` with the same options into lib/quarkus. */
    private static void optimizedStart(
            Manifests.Workload workload, Container server, String where, List<String> violations) {
        String augmented = "/opt/keycloak/lib/quarkus";
        Optional<String> serverVolume = mountAt(server, augmented);
        Optional<Container> build = workload.initContainers().stream()
                .filter(c -> c.getArgs() != null && c.getArgs().contains("build"))
                .findFirst();
        if (build.isEmpty() || serverVolume.isEmpty()) {
            violations.add(where + ": starts --optimized without an init container that runs `build` into a volume"
                    + " mounted at " + augmented);
            return;
        }
        if (!mountAt(build.get(), augmented).equals(serverVolume)) {
            violations.add(
                    where + ": the build init container writes another volume than the server reads at " + augmented);
        }
        if (!Objects.equals(configMapSources(build.get()), configMapSources(server))) {
            violations.add(where + ": the build init container reads other ConfigMaps than the server, so build"
                    + " options could differ");
        }
    }

    private static Optional<String> mountAt(Container container, String path) {
        List<VolumeMount> mounts = container.getVolumeMounts() == null ? List.of() : container.getVolumeMounts();
        return mounts.stream()
                .filter(m -> path.equals(m.getMountPath()))
                .map(VolumeMount::getName)
                .findFirst();
    }

    private static Set<String> configMapSources(Container container) {
        Set<String> names = new LinkedHashSet<>();
        if (container.getEnvFrom() != null) {
            container.getEnvFrom().stream()
                    .filter(e -> e.getConfigMapRef() != null)
                    .forEach(e -> names.add(e.getConfigMapRef().getName()));
        }
        return names;
    }

    // --- PostgreSQL --------------------------------------------------------------------------------------------

    private static void postgres(
            Manifests manifests,
            Manifests.Workload workload,
            Container container,
            String where,
            List<String> violations) {
        Map<String, Env.Variable> env = Env.of(container, manifests, where, violations);
        for (String name : env.keySet()) {
            if (!POSTGRES_VARIABLES.contains(name)) {
                violations.add(where + ": " + name + " is not a variable of the postgres image this suite uses");
            }
        }
        if (Ports.of(container).stream().noneMatch(p -> p.getContainerPort() == 5432)) {
            violations.add(where + ": declares no containerPort 5432");
        }
        if (!workload.kind().equals("StatefulSet")) {
            violations.add(where + ": PostgreSQL must run as a StatefulSet with a PersistentVolumeClaim");
            return;
        }
        String dataDir = Optional.ofNullable(env.get("PGDATA"))
                .flatMap(Env.Variable::knownValue)
                .orElse("/var/lib/postgresql/data");
        StatefulSet statefulSet =
                manifests.find(StatefulSet.class, workload.name()).orElseThrow();
        Set<String> claims = statefulSet.getSpec().getVolumeClaimTemplates() == null
                ? Set.of()
                : statefulSet.getSpec().getVolumeClaimTemplates().stream()
                        .map(c -> c.getMetadata().getName())
                        .collect(Collectors.toSet());
        List<VolumeMount> mounts = container.getVolumeMounts() == null ? List.of() : container.getVolumeMounts();
        boolean persisted = mounts.stream()
                .anyMatch(m -> claims.contains(m.getName())
                        && (dataDir.equals(m.getMountPath()) || dataDir.startsWith(m.getMountPath() + "/")));
        if (!persisted) {
            violations.add(where + ": the data directory " + dataDir + " is not on a volumeClaimTemplate");
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    static String realmName(Repo repo) {
        Matcher m = Pattern.compile("\"realm\"\\s*:\\s*\"([^\"]+)\"").matcher(Repo.read(repo.realmFile()));
        return m.find() ? m.group(1) : "";
    }

    private static Optional<Integer> integer(String value) {
        try {
            return Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String absolute(String base, String path) {
        String p = path.strip();
        if (p.startsWith("/")) {
            return p.replaceAll("/+$", "");
        }
        String b = base.endsWith("/") ? base : base + "/";
        return (b + p).replaceAll("/+$", "");
    }
}
