package io.sanctionsrisk.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Renders a kustomization with the real kubectl (kustomize v5.6), once per folder and test run. */
final class Kustomize {

    private static final Map<Path, Rendering> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {}

    /** The outcome of `kubectl kustomize DIR`: the YAML stream, or kubectl's error. */
    record Rendering(Path dir, boolean ok, String yaml, String error) {}

    static Rendering render(Path dir) {
        return RENDERED.computeIfAbsent(dir.toAbsolutePath().normalize(), Kustomize::run);
    }

    /** Renders and parses, failing loudly when kubectl refuses the kustomization. */
    static Manifests manifests(String label, Path dir) {
        Rendering rendering = render(dir);
        if (!rendering.ok()) {
            throw new AssertionError("kubectl kustomize " + dir + " failed: " + rendering.error());
        }
        return Manifests.parse(label, rendering.yaml());
    }

    private static Rendering run(Path dir) {
        Path kubectl = Locations.kubectl();
        if (!Files.isExecutable(kubectl)) {
            throw new IllegalStateException(
                    kubectl + " is missing: the build fetches it (k8s/tools/fetch-tools.sh) before the tests run");
        }
        Processes.Result result =
                Processes.run(List.of(kubectl.toString(), "kustomize", dir.toString()), Duration.ofMinutes(2));
        boolean ok = result.exitCode() == 0;
        return new Rendering(dir, ok, ok ? result.stdout() : "", result.stderr().strip());
    }
}
