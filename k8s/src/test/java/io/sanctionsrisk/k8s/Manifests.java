package io.sanctionsrisk.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One rendered overlay (or fixture): the documents as plain trees, for the schema check, and as fabric8 typed
 * objects, for everything else. A document that does not bind to the typed model is kept as a parse problem.
 */
final class Manifests {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final String label;
    private final List<JsonNode> documents;
    private final List<HasMetadata> objects;
    private final List<String> parseProblems;

    private Manifests(String label, List<JsonNode> documents, List<HasMetadata> objects, List<String> problems) {
        this.label = label;
        this.documents = List.copyOf(documents);
        this.objects = List.copyOf(objects);
        this.parseProblems = List.copyOf(problems);
    }

    static Manifests parse(String label, String yaml) {
        List<JsonNode> documents = new ArrayList<>();
        List<HasMetadata> objects = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNextValue()) {
                JsonNode document = it.nextValue();
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                documents.add(document);
            }
        }
        for (JsonNode document : documents) {
            String where = describe(document);
            try {
                Object typed = SERIALIZATION.unmarshal(JSON.writeValueAsString(document));
                if (typed instanceof HasMetadata object) {
                    objects.add(object);
                } else {
                    problems.add(where + ": not a Kubernetes object (" + typed + ")");
                }
            } catch (RuntimeException e) {
                problems.add(where + ": does not bind to the fabric8 model: " + firstLine(e.getMessage()));
            }
        }
        return new Manifests(label, documents, objects, problems);
    }

    String label() {
        return label;
    }

    List<JsonNode> documents() {
        return documents;
    }

    List<HasMetadata> objects() {
        return objects;
    }

    List<String> parseProblems() {
        return parseProblems;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream()
                .filter(o -> name.equals(o.getMetadata().getName()))
                .findFirst();
    }

    Optional<ConfigMap> configMap(String name) {
        return find(ConfigMap.class, name);
    }

    /** Deployments and StatefulSets: everything that runs pods. */
    List<Workload> workloads() {
        Stream<Workload> deployments = all(Deployment.class).stream()
                .map(d -> new Workload(
                        "Deployment",
                        d.getMetadata().getName(),
                        namespace(d),
                        d.getSpec().getTemplate(),
                        d.getSpec().getReplicas()));
        Stream<Workload> statefulSets = all(StatefulSet.class).stream()
                .map(s -> new Workload(
                        "StatefulSet",
                        s.getMetadata().getName(),
                        namespace(s),
                        s.getSpec().getTemplate(),
                        s.getSpec().getReplicas()));
        return Stream.concat(deployments, statefulSets).toList();
    }

    Optional<Workload> workload(String kind, String name) {
        return workloads().stream()
                .filter(w -> w.kind().equals(kind) && w.name().equals(name))
                .findFirst();
    }

    static String namespace(HasMetadata object) {
        return Objects.requireNonNullElse(object.getMetadata().getNamespace(), "default");
    }

    static String id(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }

    private static String describe(JsonNode document) {
        String kind = document.path("kind").asString("?");
        String name = document.path("metadata").path("name").asString("?");
        return kind + "/" + name;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** A pod-running object with its pod template. {@code replicas} is null when the field is absent. */
    record Workload(String kind, String name, String namespace, PodTemplateSpec template, Integer replicas) {

        String id() {
            return kind + "/" + name;
        }

        Map<String, String> podLabels() {
            Map<String, String> labels = template.getMetadata() == null
                    ? null
                    : template.getMetadata().getLabels();
            return labels == null ? Map.of() : labels;
        }

        PodSpec pod() {
            return template.getSpec();
        }

        List<Container> containers() {
            return pod().getContainers() == null ? List.of() : pod().getContainers();
        }

        List<Container> initContainers() {
            return pod().getInitContainers() == null ? List.of() : pod().getInitContainers();
        }

        List<Container> allContainers() {
            return Stream.concat(initContainers().stream(), containers().stream())
                    .toList();
        }
    }
}
