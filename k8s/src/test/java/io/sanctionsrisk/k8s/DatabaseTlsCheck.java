package io.sanctionsrisk.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Production talks to its database over TLS with the server checked: every JDBC URL the README's production
 * commands put into a Secret says sslmode=verify-full with the CA file the pods mount, and every container that takes
 * a JDBC URL from a Secret mounts that CA (the ConfigMap database-ca) at the path the URL names.
 */
final class DatabaseTlsCheck {

    static final String CA_CONFIG_MAP = "database-ca";
    static final String CA_DIR = "/etc/sanctions-risk/database-ca";
    static final String CA_FILE = CA_DIR + "/ca.crt";

    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://[^\"'\\s]+");
    private static final Set<String> JDBC_VARIABLES = Set.of("QUARKUS_DATASOURCE_JDBC_URL", "KC_DB_URL");

    private DatabaseTlsCheck() {}

    static List<String> check(Manifests manifests, String readme, String overlay) {
        List<String> violations = new ArrayList<>(documentedUrls(readme, overlay));
        for (Manifests.Workload workload : manifests.workloads()) {
            Set<String> caVolumes = new TreeSet<>();
            List<Volume> volumes = workload.pod().getVolumes() == null
                    ? List.of()
                    : workload.pod().getVolumes();
            volumes.stream()
                    .filter(v -> v.getConfigMap() != null
                            && CA_CONFIG_MAP.equals(v.getConfigMap().getName()))
                    .forEach(v -> caVolumes.add(v.getName()));
            for (Container container : workload.allContainers()) {
                List<EnvVar> env = container.getEnv() == null ? List.of() : container.getEnv();
                boolean takesJdbcUrl = env.stream()
                        .anyMatch(e -> JDBC_VARIABLES.contains(e.getName())
                                && e.getValueFrom() != null
                                && e.getValueFrom().getSecretKeyRef() != null);
                if (!takesJdbcUrl) {
                    continue;
                }
                boolean mounted = container.getVolumeMounts() != null
                        && container.getVolumeMounts().stream()
                                .anyMatch(m -> caVolumes.contains(m.getName()) && CA_DIR.equals(m.getMountPath()));
                if (!mounted) {
                    violations.add(workload.id() + " container " + container.getName()
                            + ": does not mount the database CA (ConfigMap " + CA_CONFIG_MAP + ") at " + CA_DIR
                            + ", which sslmode=verify-full needs");
                }
            }
        }
        return violations;
    }

    /** The JDBC URLs of the README's commands for the overlay: verify-full, with the mounted CA. */
    static List<String> documentedUrls(String readme, String overlay) {
        List<String> violations = new ArrayList<>();
        Matcher block = Pattern.compile(
                        "<!-- secrets: " + Pattern.quote(overlay) + " -->\\s*```[a-z]*\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        int urls = 0;
        while (block.find()) {
            Matcher url = JDBC.matcher(block.group(1));
            while (url.find()) {
                urls++;
                String value = url.group();
                if (!value.contains("sslmode=verify-full")) {
                    violations.add("k8s/README.md (" + overlay + "): " + value
                            + " does not say sslmode=verify-full (without it the server's certificate is not checked)");
                }
                if (!value.contains("sslrootcert=" + CA_FILE)) {
                    violations.add(
                            "k8s/README.md (" + overlay + "): " + value + " does not name sslrootcert=" + CA_FILE);
                }
            }
        }
        if (urls == 0) {
            violations.add("k8s/README.md (" + overlay + "): no JDBC URL in the secrets commands");
        }
        return violations;
    }
}
