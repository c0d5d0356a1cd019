package io.sanctionsrisk.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * No secret value lives in the repository: the manifests carry no Secret objects (kustomize secretGenerator
 * included), every variable whose name says it is secret comes from a secretKeyRef, ConfigMaps hold no
 * credentials (also not inside URLs), and none of the local demo values of local-dev.env leaks into a rendering.
 */
final class SecretCheck {

    static final Pattern SECRET_NAME = Pattern.compile(
            ".*(PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIAL|PRIVATE_KEY|API_KEY|APIKEY).*", Pattern.CASE_INSENSITIVE);
    static final Pattern CREDENTIAL_IN_VALUE =
            Pattern.compile("(?i).*(://[^/@\\s:]+:[^/@\\s]+@|[?&;](password|secret|token)=).*");

    private SecretCheck() {}

    static List<String> check(Manifests manifests, Repo repo) {
        List<String> violations = new ArrayList<>();
        for (Secret secret : manifests.all(Secret.class)) {
            violations.add(Manifests.id(secret) + ": Secrets are created outside the repository (k8s/README.md),"
                    + " never rendered from it");
        }
        for (Manifests.Workload workload : manifests.workloads()) {
            for (Container container : workload.allContainers()) {
                String where = workload.id() + " container " + container.getName();
                Map<String, Env.Variable> env = Env.of(container, manifests, where, new ArrayList<>());
                for (Env.Variable variable : env.values()) {
                    if (SECRET_NAME.matcher(variable.name()).matches() && !variable.fromSecret()) {
                        violations.add(where + ": " + variable.name() + " looks secret but comes from "
                                + variable.source() + ", not a secretKeyRef");
                    }
                    if (variable.knownValue().isPresent()
                            && CREDENTIAL_IN_VALUE
                                    .matcher(variable.knownValue().get())
                                    .matches()) {
                        violations.add(where + ": " + variable.name() + " carries a credential in its value");
                    }
                    if (variable.knownValue().isPresent()
                            && looksGenerated(variable.knownValue().get())) {
                        violations.add(where + ": " + variable.name() + " has a value that looks like a generated"
                                + " secret; take it from a Secret");
                    }
                }
            }
        }
        for (ConfigMap configMap : manifests.all(ConfigMap.class)) {
            if (configMap.getData() == null) {
                continue;
            }
            configMap.getData().forEach((key, value) -> {
                if (SECRET_NAME.matcher(key).matches()) {
                    violations.add(Manifests.id(configMap) + ": key " + key + " looks secret; use a Secret");
                }
                if (!key.endsWith(".json") && CREDENTIAL_IN_VALUE.matcher(value).matches()) {
                    violations.add(Manifests.id(configMap) + ": key " + key + " carries a credential in its value");
                }
            });
        }
        String rendered = String.join(
                "\n", manifests.documents().stream().map(Object::toString).toList());
        Repo.dotenv(repo.localDevEnv()).forEach((name, value) -> {
            // public addresses (SR_PUBLIC_*) are not secrets: a local cluster may well use the local value
            if (!value.isEmpty() && !name.startsWith(RealmCheck.PUBLIC_PREFIX) && rendered.contains(value)) {
                violations.add("the local demo value of " + name + " (k8s/keycloak/local-dev.env) appears in the "
                        + manifests.label() + " rendering");
            }
        });
        return violations;
    }

    /**
     * A long token mixing upper case, lower case and digits with no separators a URL, path, host or sentence would
     * have: what generated passwords, client secrets and API keys look like.
     */
    static boolean looksGenerated(String value) {
        String v = value.strip();
        return v.length() >= 16
                && v.chars().anyMatch(Character::isUpperCase)
                && v.chars().anyMatch(Character::isLowerCase)
                && v.chars().anyMatch(Character::isDigit)
                && v.chars().noneMatch(c -> c == ' ' || c == '/' || c == ':' || c == '.' || c == ',');
    }

    /** The sources themselves: no Secret manifests, no secretGenerator, no kustomization reading local-dev.env. */
    static List<String> checkSources(Path dir) {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .toList()) {
                String text = Repo.read(file)
                        .lines()
                        .filter(l -> !l.strip().startsWith("#"))
                        .collect(java.util.stream.Collectors.joining("\n"));
                String name = dir.relativize(file).toString();
                if (Pattern.compile("(?m)^kind:\\s*Secret\\s*$").matcher(text).find()) {
                    violations.add(name + ": defines a Secret; Secrets are created outside the repository");
                }
                if (text.contains("secretGenerator")) {
                    violations.add(name + ": uses secretGenerator, which puts secret values into the repository");
                }
                if (text.contains("local-dev.env")) {
                    violations.add(name + ": reads local-dev.env, whose demo values are for local runs only");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }
}
