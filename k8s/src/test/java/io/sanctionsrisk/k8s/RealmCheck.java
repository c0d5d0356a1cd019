package io.sanctionsrisk.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Volume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The realm Keycloak imports is the overlay's realm file, byte for byte (development: k8s/keycloak/, production:
 * k8s/overlays/prod/): one ConfigMap carries it, the Keycloak server mounts that ConfigMap at its import folder and
 * starts with --import-realm, every ${SR_...} placeholder of the file is fed from a Secret (public addresses,
 * ${SR_PUBLIC_...}, may come from a ConfigMap), and no third realm file hides in k8s/.
 */
final class RealmCheck {

    static final String REALM_KEY = "realm-sanctions-risk.json";
    static final String IMPORT_DIR = "/opt/keycloak/data/import";
    /** Placeholders for public settings (addresses), which may come from a ConfigMap; the rest are secrets. */
    static final String PUBLIC_PREFIX = "SR_PUBLIC_";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(SR_[A-Z0-9_]+)(?::[^}]*)?}");

    private RealmCheck() {}

    static Set<String> placeholders(Repo repo) {
        return placeholders(repo.realmFile());
    }

    static Set<String> placeholders(Path realmFile) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(Repo.read(realmFile));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The development realm (k8s/keycloak/). */
    static List<String> check(Manifests manifests, Repo repo) {
        return check(manifests, repo, repo.realmFile());
    }

    static List<String> check(Manifests manifests, Repo repo, Path realmFile) {
        List<String> violations = new ArrayList<>();
        String source = repo.root().relativize(realmFile).toString();
        byte[] expected;
        try {
            expected = Files.readAllBytes(realmFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ConfigMap> carriers = manifests.all(ConfigMap.class).stream()
                .filter(c -> (c.getData() != null && c.getData().containsKey(REALM_KEY))
                        || (c.getBinaryData() != null && c.getBinaryData().containsKey(REALM_KEY)))
                .toList();
        if (carriers.size() != 1) {
            violations.add("expected exactly one ConfigMap with " + REALM_KEY + ", found " + carriers.size());
            return violations;
        }
        ConfigMap realm = carriers.get(0);
        String content = realm.getData() == null ? null : realm.getData().get(REALM_KEY);
        if (content == null || !Arrays.equals(content.getBytes(StandardCharsets.UTF_8), expected)) {
            violations.add(Manifests.id(realm) + ": " + REALM_KEY + " differs from " + source
                    + " (it must be generated from that file, unchanged)");
        }
        String configMap = realm.getMetadata().getName();

        List<Manifests.Workload> keycloaks = manifests.workloads().stream()
                .filter(w -> w.containers().stream()
                        .anyMatch(c -> ImageRef.parse(c.getImage()).repository().equals(Repo.KEYCLOAK_IMAGE)))
                .toList();
        if (keycloaks.isEmpty()) {
            violations.add("no Keycloak workload imports the realm");
        }
        for (Manifests.Workload workload : keycloaks) {
            List<Volume> volumes = workload.pod().getVolumes() == null
                    ? List.of()
                    : workload.pod().getVolumes();
            Set<String> realmVolumes = new TreeSet<>();
            volumes.stream()
                    .filter(v -> v.getConfigMap() != null
                            && configMap.equals(v.getConfigMap().getName()))
                    .forEach(v -> realmVolumes.add(v.getName()));
            for (Container container : workload.containers()) {
                String where = workload.id() + " container " + container.getName();
                boolean mounted = container.getVolumeMounts() != null
                        && container.getVolumeMounts().stream()
                                .anyMatch(
                                        m -> realmVolumes.contains(m.getName()) && IMPORT_DIR.equals(m.getMountPath()));
                if (!mounted) {
                    violations.add(where + ": does not mount ConfigMap " + configMap + " at " + IMPORT_DIR);
                }
                if (container.getArgs() == null || !container.getArgs().contains("--import-realm")) {
                    violations.add(where + ": does not start with --import-realm");
                }
                Map<String, Env.Variable> env = Env.of(container, manifests, where, violations);
                for (String placeholder : placeholders(realmFile)) {
                    Env.Variable variable = env.get(placeholder);
                    if (variable == null) {
                        violations.add(where + ": realm placeholder ${" + placeholder + "} has no variable");
                    } else if (!variable.fromSecret() && !placeholder.startsWith(PUBLIC_PREFIX)) {
                        violations.add(where + ": realm placeholder ${" + placeholder + "} must come from a Secret");
                    }
                }
            }
        }
        violations.addAll(singleSource(repo));
        return violations;
    }

    /** No other realm file under k8s/ than the two (the broken fixtures and build output aside). */
    static List<String> singleSource(Repo repo) {
        Path k8s = repo.root().resolve("k8s");
        Set<Path> expected = Set.of(
                repo.realmFile().toAbsolutePath().normalize(),
                repo.prodRealmFile().toAbsolutePath().normalize());
        try (Stream<Path> files = Files.walk(k8s)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(k8s.resolve("target")) && !p.startsWith(k8s.resolve("src")))
                    .filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.startsWith(k8s.resolve("tools")))
                    .filter(p -> !expected.contains(p.toAbsolutePath().normalize()))
                    .map(p -> "another realm-like file in k8s/: " + k8s.relativize(p)
                            + " (the realm has one source per overlay: k8s/keycloak/" + REALM_KEY
                            + " and k8s/overlays/prod/" + REALM_KEY + ")")
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
