package io.sanctionsrisk.k8s;

import java.nio.file.Path;

/** Folders the build hands to the checks (k8s/pom.xml, surefire system properties). */
final class Locations {

    private Locations() {}

    static Path k8sDir() {
        return dir("k8s.dir", ".");
    }

    static Path repoDir() {
        return dir("k8s.repo.dir", "..");
    }

    static Path toolsDir() {
        return dir("k8s.tools.dir", "target/tools");
    }

    static Path workDir() {
        return dir("k8s.work.dir", "target/k8s-checks");
    }

    static Path kubectl() {
        return toolsDir().resolve("kubectl/kubectl");
    }

    /** The npm folder whose node_modules hold kubernetes-models. */
    static Path nodePackages() {
        return toolsDir().resolve("npm");
    }

    static Path brokenFixtures() {
        return k8sDir().resolve("src/test/resources/broken");
    }

    private static Path dir(String property, String fallback) {
        return Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
    }
}
