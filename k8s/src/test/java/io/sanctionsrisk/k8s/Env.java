package io.sanctionsrisk.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The environment a container gets: envFrom ConfigMaps first, then env entries (which win), as the kubelet does. */
final class Env {

    private Env() {}

    /** Where one variable's value comes from. {@code value} is known for literals and ConfigMap keys. */
    record Variable(String name, Source source, String value, String refName, String refKey) {

        boolean fromSecret() {
            return source == Source.SECRET;
        }

        Optional<String> knownValue() {
            return Optional.ofNullable(value);
        }
    }

    enum Source {
        LITERAL,
        CONFIG_MAP,
        SECRET,
        SECRET_ALL_KEYS,
        FIELD,
        RESOURCE
    }

    /** Resolves the container's variables; problems (missing ConfigMaps, opaque Secret imports) go to the list. */
    static Map<String, Variable> of(Container container, Manifests manifests, String where, List<String> problems) {
        Map<String, Variable> env = new LinkedHashMap<>();
        List<EnvFromSource> envFrom = container.getEnvFrom() == null ? List.of() : container.getEnvFrom();
        for (EnvFromSource source : envFrom) {
            String prefix = source.getPrefix() == null ? "" : source.getPrefix();
            if (source.getConfigMapRef() != null) {
                String name = source.getConfigMapRef().getName();
                Optional<ConfigMap> configMap = manifests.configMap(name);
                if (configMap.isEmpty()) {
                    problems.add(where + ": envFrom names ConfigMap " + name + ", which the manifests do not define");
                    continue;
                }
                Map<String, String> data = configMap.get().getData() == null
                        ? Map.of()
                        : configMap.get().getData();
                data.forEach((key, value) ->
                        env.put(prefix + key, new Variable(prefix + key, Source.CONFIG_MAP, value, name, key)));
            }
            if (source.getSecretRef() != null) {
                String name = source.getSecretRef().getName();
                env.put("*" + name, new Variable("*" + name, Source.SECRET_ALL_KEYS, null, name, null));
            }
        }
        List<EnvVar> vars = container.getEnv() == null ? List.of() : container.getEnv();
        for (EnvVar var : vars) {
            env.put(var.getName(), variable(var, manifests));
        }
        return env;
    }

    private static Variable variable(EnvVar var, Manifests manifests) {
        String name = var.getName();
        if (var.getValueFrom() == null) {
            return new Variable(name, Source.LITERAL, var.getValue() == null ? "" : var.getValue(), null, null);
        }
        var from = var.getValueFrom();
        if (from.getSecretKeyRef() != null) {
            return new Variable(
                    name,
                    Source.SECRET,
                    null,
                    from.getSecretKeyRef().getName(),
                    from.getSecretKeyRef().getKey());
        }
        if (from.getConfigMapKeyRef() != null) {
            String configMap = from.getConfigMapKeyRef().getName();
            String key = from.getConfigMapKeyRef().getKey();
            String value = manifests
                    .configMap(configMap)
                    .map(ConfigMap::getData)
                    .map(data -> data.get(key))
                    .orElse(null);
            return new Variable(name, Source.CONFIG_MAP, value, configMap, key);
        }
        if (from.getFieldRef() != null) {
            return new Variable(name, Source.FIELD, null, from.getFieldRef().getFieldPath(), null);
        }
        return new Variable(name, Source.RESOURCE, null, null, null);
    }

    /** Quarkus' environment variable name for a configuration key (SmallRye Config's rule). */
    static String quarkusName(String key) {
        StringBuilder name = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            name.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return name.toString();
    }
}
