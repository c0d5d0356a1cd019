package io.sanctionsrisk.k8s;

import io.fabric8.kubernetes.api.model.Container;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Images are pinned and agree with the build: no `latest` and no missing tag; the suite's images are
 * sanctions-risk/MODULE at the project version, built by the module's Dockerfile.jvm (pinned base image, non-root
 * user, exposing the container port), matching quarkus.container-image.* where a module sets it; Keycloak's image
 * is the version the tests run.
 */
final class ImageCheck {

    private ImageCheck() {}

    /** A content digest as registries report it (OCI image spec: sha256 and 64 lower-case hex digits). */
    static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    static List<String> check(Manifests manifests, Repo repo) {
        return check(manifests, repo, false);
    }

    /** As {@link #check(Manifests, Repo)}, and with {@code requireDigest} every image also pinned by its digest. */
    static List<String> check(Manifests manifests, Repo repo, boolean requireDigest) {
        List<String> violations = new ArrayList<>();
        String version = repo.projectVersion();
        Map<String, String> imageByModule = new HashMap<>();
        for (Manifests.Workload workload : manifests.workloads()) {
            for (Container container : workload.allContainers()) {
                String where = workload.id() + " container " + container.getName();
                ImageRef image = ImageRef.parse(container.getImage());
                if (image.digest() != null && !DIGEST.matcher(image.digest()).matches()) {
                    violations.add(where + ": image " + container.getImage() + " has the digest " + image.digest()
                            + ", which is not sha256: and 64 lower-case hex digits");
                } else if (requireDigest && image.digest() == null) {
                    violations.add(where + ": image " + container.getImage() + " is not pinned by digest (a tag can"
                            + " be moved to another image)");
                }
                if (image.tag() == null && image.digest() == null) {
                    violations.add(where + ": image " + container.getImage() + " has no tag (that means latest)");
                    continue;
                }
                if ("latest".equalsIgnoreCase(image.tag())) {
                    violations.add(where + ": image " + container.getImage() + " uses the tag latest");
                    continue;
                }
                if (image.repository().equals(Repo.KEYCLOAK_IMAGE)) {
                    if (!repo.keycloakVersion().equals(image.tag())) {
                        violations.add(where + ": Keycloak " + image.tag() + ", but the suite is tested with "
                                + repo.keycloakVersion() + " (parent pom keycloak.version)");
                    }
                    continue;
                }
                if (!Repo.SERVICE_MODULES.contains(image.name()) || !Repo.IMAGE_GROUP.equals(image.group())) {
                    continue;
                }
                if (!version.equals(image.tag())) {
                    violations.add(where + ": image tag " + image.tag() + " is not the project version " + version);
                }
                String previous = imageByModule.putIfAbsent(image.name(), container.getImage());
                if (previous != null && !previous.equals(container.getImage())) {
                    violations.add(
                            where + ": " + container.getImage() + " and " + previous + " are both " + image.name());
                }
                Repo.ServiceModule module = repo.module(image.name());
                containerImageProperties(module, image, version, where, violations);
                Optional<Repo.Dockerfile> dockerfile = module.parsedDockerfile();
                if (dockerfile.isEmpty()) {
                    violations.add(where + ": " + image.name() + " has no src/main/docker/Dockerfile.jvm to build "
                            + container.getImage());
                    continue;
                }
                dockerfile(dockerfile.get(), module, container, where, violations);
            }
        }
        violations.addAll(documentedTags(repo, imageByModule.keySet()));
        return violations;
    }

    /** The build commands in the Dockerfiles and in k8s/README.md tag the images the manifests run. */
    static List<String> documentedTags(Repo repo, java.util.Set<String> modules) {
        List<String> violations = new ArrayList<>();
        String expectedTag = repo.projectVersion();
        java.util.regex.Pattern tagged =
                java.util.regex.Pattern.compile(Repo.IMAGE_GROUP + "/([a-z0-9-]+|\\$m|\\$\\{?m}?):([A-Za-z0-9._-]+)");
        for (String module : modules) {
            repo.module(module).parsedDockerfile().ifPresent(d -> {
                String text = Repo.read(repo.module(module).dockerfile());
                java.util.regex.Matcher m = tagged.matcher(text);
                while (m.find()) {
                    if (!m.group(1).equals(module) || !m.group(2).equals(expectedTag)) {
                        violations.add(module + "/src/main/docker/Dockerfile.jvm: documents the image " + m.group()
                                + ", but the manifests run " + Repo.IMAGE_GROUP + "/" + module + ":" + expectedTag);
                    }
                }
            });
        }
        java.util.regex.Matcher m = tagged.matcher(Repo.read(repo.root().resolve("k8s/README.md")));
        while (m.find()) {
            if (!m.group(2).equals(expectedTag)) {
                violations.add("k8s/README.md: documents the image " + m.group() + ", but the manifests use the tag "
                        + expectedTag);
            }
        }
        return violations;
    }

    private static void dockerfile(
            Repo.Dockerfile dockerfile,
            Repo.ServiceModule module,
            Container container,
            String where,
            List<String> violations) {
        String file = module.name() + "/src/main/docker/Dockerfile.jvm";
        for (String base : dockerfile.from()) {
            ImageRef ref = ImageRef.parse(base);
            if ((ref.tag() == null && ref.digest() == null) || "latest".equalsIgnoreCase(ref.tag())) {
                violations.add(file + ": base image " + base + " is not pinned");
            }
        }
        String user = dockerfile.user();
        if (user == null || user.equals("0") || user.startsWith("0:") || user.equals("root")) {
            violations.add(file + ": runs as root (no USER, or USER root)");
        }
        for (var port : Ports.of(container)) {
            if (!dockerfile.exposed().contains(port.getContainerPort())) {
                violations.add(where + ": containerPort " + port.getContainerPort() + " is not EXPOSEd by " + file);
            }
        }
    }

    private static void containerImageProperties(
            Repo.ServiceModule module, ImageRef image, String version, String where, List<String> violations) {
        module.prodValue("quarkus.container-image.name").ifPresent(name -> {
            if (!name.equals(image.name())) {
                violations.add(where + ": quarkus.container-image.name " + name + " differs from " + image.name());
            }
        });
        module.prodValue("quarkus.container-image.group").ifPresent(group -> {
            if (!group.equals(image.group())) {
                violations.add(where + ": quarkus.container-image.group " + group + " differs from " + image.group());
            }
        });
        module.prodValue("quarkus.container-image.tag").ifPresent(tag -> {
            String resolved = tag.replace("${quarkus.application.version}", version);
            if (!resolved.equals(image.tag())) {
                violations.add(where + ": quarkus.container-image.tag " + tag + " differs from " + image.tag());
            }
        });
    }
}
