package io.sanctionsrisk.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every Secret (and key) an overlay references is created by a documented command: the code block that follows
 * `<!-- secrets: OVERLAY -->` in k8s/README.md. The commands are `kubectl ... create secret generic NAME` with
 * --from-literal=KEY=..., --from-file=KEY=... or --from-env-file=FILE, and `kubectl ... create secret tls NAME`.
 */
final class ReadmeSecretsCheck {

    private ReadmeSecretsCheck() {}

    /** Secret name to the keys the overlay reads from it (TLS Secrets: tls.crt and tls.key). */
    static Map<String, Set<String>> referenced(Manifests manifests) {
        Map<String, Set<String>> refs = new TreeMap<>();
        for (Manifests.Workload workload : manifests.workloads()) {
            for (Container container : workload.allContainers()) {
                Env.of(container, manifests, workload.id(), new ArrayList<>()).values().stream()
                        .filter(Env.Variable::fromSecret)
                        .forEach(v -> refs.computeIfAbsent(v.refName(), k -> new TreeSet<>())
                                .add(v.refKey()));
            }
        }
        for (Ingress ingress : manifests.all(Ingress.class)) {
            if (ingress.getSpec().getTls() != null) {
                ingress.getSpec()
                        .getTls()
                        .forEach(t -> refs.computeIfAbsent(t.getSecretName(), k -> new TreeSet<>())
                                .addAll(List.of("tls.crt", "tls.key")));
            }
        }
        return refs;
    }

    /** What the README's commands for the overlay create. */
    static Map<String, Set<String>> documented(Repo repo, String readme, String overlay) {
        Matcher block = Pattern.compile(
                        "<!-- secrets: " + Pattern.quote(overlay) + " -->\\s*```[a-z]*\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        Map<String, Set<String>> created = new TreeMap<>();
        while (block.find()) {
            String commands = block.group(1).replaceAll("\\\\\\n", " ");
            for (String command : commands.lines().toList()) {
                Matcher generic =
                        Pattern.compile("create secret generic ([a-z0-9.-]+)").matcher(command);
                Matcher tls = Pattern.compile("create secret tls ([a-z0-9.-]+)").matcher(command);
                if (generic.find()) {
                    Set<String> keys = created.computeIfAbsent(generic.group(1), k -> new TreeSet<>());
                    Matcher literal = Pattern.compile("--from-(?:literal|file)=([A-Za-z0-9._-]+)=")
                            .matcher(command);
                    while (literal.find()) {
                        keys.add(literal.group(1));
                    }
                    Matcher envFile = Pattern.compile("--from-env-file=(\\S+)").matcher(command);
                    while (envFile.find()) {
                        keys.addAll(Repo.dotenv(repo.root().resolve(Path.of(envFile.group(1))))
                                .keySet());
                    }
                } else if (tls.find()) {
                    created.computeIfAbsent(tls.group(1), k -> new TreeSet<>()).addAll(List.of("tls.crt", "tls.key"));
                }
            }
        }
        return created;
    }

    static List<String> check(Manifests manifests, Repo repo, String readme, String overlay) {
        List<String> violations = new ArrayList<>();
        Map<String, Set<String>> documented = documented(repo, readme, overlay);
        if (documented.isEmpty()) {
            violations.add("k8s/README.md has no `<!-- secrets: " + overlay + " -->` block of kubectl commands");
        }
        referenced(manifests).forEach((secret, keys) -> {
            Set<String> made = documented.get(secret);
            if (made == null) {
                violations.add("Secret " + secret + " is referenced by the " + overlay
                        + " overlay but no README command creates it");
                return;
            }
            for (String key : keys) {
                if (!made.contains(key)) {
                    violations.add("Secret " + secret + " key " + key + " is referenced by the " + overlay
                            + " overlay but the README command does not set it");
                }
            }
        });
        return violations;
    }
}
