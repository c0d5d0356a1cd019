package io.sanctionsrisk.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the checks read from the rest of the repository: versions, the services' configuration and Dockerfiles. */
final class Repo {

    /** The modules that ship as container images, by image name (sanctions-risk/NAME). */
    static final List<String> SERVICE_MODULES = List.of("gateway", "sanctions-service", "risk-service");

    static final String IMAGE_GROUP = "sanctions-risk";
    static final String KEYCLOAK_IMAGE = "quay.io/keycloak/keycloak";

    private final Path root;

    Repo(Path root) {
        this.root = root;
    }

    static Repo current() {
        return new Repo(Locations.repoDir());
    }

    Path root() {
        return root;
    }

    Path realmFile() {
        return root.resolve("k8s/keycloak/realm-sanctions-risk.json");
    }

    /** The production realm, which the prod overlay imports instead of the development one. */
    Path prodRealmFile() {
        return root.resolve("k8s/overlays/prod/realm-sanctions-risk.json");
    }

    Path localDevEnv() {
        return root.resolve("k8s/keycloak/local-dev.env");
    }

    /** The project version of the parent POM: the tag every service image carries. */
    String projectVersion() {
        Matcher m = Pattern.compile("<artifactId>sanctions-risk-suite</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(read(root.resolve("pom.xml")));
        if (!m.find()) {
            throw new IllegalStateException("no project version in the parent pom.xml");
        }
        return m.group(1).trim();
    }

    /** The Keycloak version the tests run (parent POM property keycloak.version): the image tag too. */
    String keycloakVersion() {
        Matcher m =
                Pattern.compile("<keycloak.version>([^<]+)</keycloak.version>").matcher(read(root.resolve("pom.xml")));
        if (!m.find()) {
            throw new IllegalStateException("no keycloak.version in the parent pom.xml");
        }
        return m.group(1).trim();
    }

    ServiceModule module(String name) {
        return new ServiceModule(name, root.resolve(name));
    }

    /** Keycloak's option names (generated list, see k8s/README.md). */
    static List<String> keycloakOptions() {
        return resourceLines("/keycloak-options.txt");
    }

    /** Config keys the manifests set before the service declares them: "module key" per line. */
    static Map<String, Set<String>> pendingConfigKeys() {
        Map<String, Set<String>> pending = new LinkedHashMap<>();
        for (String line : resourceLines("/pending-config-keys.txt")) {
            String[] parts = line.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalStateException("pending-config-keys.txt: expected 'module key', got: " + line);
            }
            pending.computeIfAbsent(parts[0], k -> new TreeSet<>()).add(parts[1]);
        }
        return pending;
    }

    static List<String> resourceLines(String resource) {
        try (var in = Repo.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** KEY=value lines of a dotenv file, comments and blanks skipped. */
    static Map<String, String> dotenv(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : read(file).lines().toList()) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || !l.contains("=")) {
                continue;
            }
            values.put(
                    l.substring(0, l.indexOf('=')).strip(),
                    l.substring(l.indexOf('=') + 1).strip());
        }
        return values;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A Quarkus service module as the manifests see it. */
    static final class ServiceModule {
        private final String name;
        private final Path dir;

        ServiceModule(String name, Path dir) {
            this.name = name;
            this.dir = dir;
        }

        String name() {
            return name;
        }

        Path applicationProperties() {
            return dir.resolve("src/main/resources/application.properties");
        }

        Path dockerfile() {
            return dir.resolve("src/main/docker/Dockerfile.jvm");
        }

        boolean exists() {
            return Files.isRegularFile(dir.resolve("pom.xml"));
        }

        /** Every key as written, profile prefixes included ("%test.quarkus.http.port"). */
        Properties properties() {
            Properties properties = new Properties();
            if (Files.isRegularFile(applicationProperties())) {
                try (Reader reader = Files.newBufferedReader(applicationProperties(), StandardCharsets.UTF_8)) {
                    properties.load(reader);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return properties;
        }

        /** Keys without their profile prefix: the names the service knows. */
        Set<String> keys() {
            Set<String> keys = new TreeSet<>();
            for (String key : properties().stringPropertyNames()) {
                keys.add(key.startsWith("%") && key.contains(".") ? key.substring(key.indexOf('.') + 1) : key);
            }
            return keys;
        }

        /**
         * Environment variables application.properties names in its comments ("Override with QUARKUS_..."): the way
         * a service documents a key it deliberately leaves out of the file, such as a secret.
         */
        Set<String> documentedVariables() {
            Set<String> names = new TreeSet<>();
            if (!Files.isRegularFile(applicationProperties())) {
                return names;
            }
            for (String line : read(applicationProperties()).lines().toList()) {
                String l = line.strip();
                if (!l.startsWith("#") && !l.startsWith("!")) {
                    continue;
                }
                Matcher m =
                        Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b").matcher(l);
                while (m.find()) {
                    names.add(m.group());
                }
            }
            return names;
        }

        /** The value the packaged application (prod profile) sees in application.properties. */
        Optional<String> prodValue(String key) {
            Properties p = properties();
            String value = p.getProperty("%prod." + key, p.getProperty(key));
            return Optional.ofNullable(value).map(String::strip);
        }

        /** artifactIds of the module's dependencies (enough to know which Quarkus extensions it has). */
        Set<String> dependencies() {
            Set<String> artifacts = new TreeSet<>();
            Path pom = dir.resolve("pom.xml");
            if (!Files.isRegularFile(pom)) {
                return artifacts;
            }
            Matcher m = Pattern.compile("<dependency>\\s*<groupId>[^<]+</groupId>\\s*<artifactId>([^<]+)</artifactId>")
                    .matcher(read(pom));
            while (m.find()) {
                artifacts.add(m.group(1).trim());
            }
            return artifacts;
        }

        Optional<Dockerfile> parsedDockerfile() {
            return Files.isRegularFile(dockerfile())
                    ? Optional.of(Dockerfile.parse(read(dockerfile())))
                    : Optional.empty();
        }
    }

    /** The parts of a Dockerfile the checks need. */
    record Dockerfile(List<String> from, String user, List<Integer> exposed, Map<String, String> systemProperties) {

        static Dockerfile parse(String text) {
            List<String> from = new ArrayList<>();
            String user = null;
            List<Integer> exposed = new ArrayList<>();
            Map<String, String> systemProperties = new LinkedHashMap<>();
            String joined = text.replaceAll("\\\\\\r?\\n", " ");
            for (String raw : joined.lines().toList()) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+", 2);
                String instruction = parts[0].toUpperCase();
                String rest = parts.length > 1 ? parts[1].strip() : "";
                switch (instruction) {
                    case "FROM" -> from.add(rest.split("\\s+")[0]);
                    case "USER" -> user = rest;
                    case "EXPOSE" ->
                        Stream.of(rest.split("\\s+"))
                                .map(p -> p.replaceAll("/.*", ""))
                                .forEach(p -> exposed.add(Integer.parseInt(p)));
                    case "ENV" -> {
                        Matcher m =
                                Pattern.compile("JAVA_OPTS_APPEND=\"([^\"]*)\"").matcher(rest);
                        if (m.find()) {
                            Matcher d = Pattern.compile("-D([^=\\s]+)=(\\S*)").matcher(m.group(1));
                            while (d.find()) {
                                systemProperties.put(d.group(1), d.group(2));
                            }
                        }
                    }
                    default -> {}
                }
            }
            return new Dockerfile(from, user, exposed, systemProperties);
        }
    }
}
