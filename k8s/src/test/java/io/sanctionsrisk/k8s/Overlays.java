package io.sanctionsrisk.k8s;

import java.nio.file.Path;
import java.util.List;

/** The overlays a cluster gets, and their renderings. */
final class Overlays {

    static final List<String> ALL = List.of("dev", "prod");

    private Overlays() {}

    static Path dir(String overlay) {
        return Locations.k8sDir().resolve("overlays").resolve(overlay);
    }

    static Manifests rendered(String overlay) {
        return Kustomize.manifests(overlay, dir(overlay));
    }

    /** The realm file the overlay imports. */
    static Path realmFile(Repo repo, String overlay) {
        return overlay.equals("prod") ? repo.prodRealmFile() : repo.realmFile();
    }

    /** Images by digest are a production requirement; a local cluster loads images it built itself. */
    static boolean requiresDigests(String overlay) {
        return overlay.equals("prod");
    }

    /** TLS on every Ingress is a production requirement; a local cluster has no certificate. */
    static boolean requiresTls(String overlay) {
        return overlay.equals("prod");
    }
}
