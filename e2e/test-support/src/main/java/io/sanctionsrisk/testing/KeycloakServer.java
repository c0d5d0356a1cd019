package io.sanctionsrisk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real Keycloak server from the official distribution, started for tests on a free loopback port with the
 * project's realm imported into an in-memory database, so every start begins from the realm file alone.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "sanctions-risk";
    static final String ADMIN_USER = "test-admin";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(420);

    /** The started process, or null when this handle was attached to a server another class loader started. */
    private final Process process;

    private final ProcessHandle handle;
    private final int port;
    private final Map<String, String> credentials;
    private final Path log;
    private final String adminPassword;

    private KeycloakServer(
            Process process,
            ProcessHandle handle,
            int port,
            Map<String, String> credentials,
            Path log,
            String adminPassword) {
        this.process = process;
        this.handle = handle;
        this.port = port;
        this.credentials = credentials;
        this.log = log;
        this.adminPassword = adminPassword;
    }

    /**
     * Starts Keycloak and waits until the realm's discovery document answers.
     *
     * @param distribution the unpacked keycloak-quarkus-dist folder (holds bin/kc.sh)
     * @param realmFile the single realm file, k8s/keycloak/realm-sanctions-risk.json
     * @param credentialsFile the local demo credentials the realm's placeholders take
     * @param workDir where the server's log goes
     */
    public static KeycloakServer start(Path distribution, Path realmFile, Path credentialsFile, Path workDir) {
        try {
            Path importDir = distribution.resolve("data/import");
            Files.createDirectories(importDir);
            Files.copy(realmFile, importDir.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(workDir);
            int port = freePort();
            Path log = workDir.resolve("keycloak-" + port + ".log");
            Map<String, String> credentials = readEnvFile(credentialsFile);

            ProcessBuilder builder = new ProcessBuilder(List.of(
                            distribution.resolve("bin/kc.sh").toString(),
                            "start-dev",
                            "--db=dev-mem",
                            "--http-host=127.0.0.1",
                            "--http-port=" + port,
                            "--hostname=http://127.0.0.1:" + port,
                            "--import-realm"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.putAll(credentials);
            // A throw-away master-realm administrator, so tests can shape tokens the realm file never issues.
            String adminPassword = randomSecret();
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            env.putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx384m");
            env.putIfAbsent("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
            Process process = builder.start();
            KeycloakServer server =
                    new KeycloakServer(process, process.toHandle(), port, credentials, log, adminPassword);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "keycloak-stop"));
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Keycloak from " + distribution, e);
        }
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The issuer of the realm's tokens; also what quarkus.oidc.auth-server-url takes. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    /** A value from the local demo credentials file, e.g. SR_STEWARD_SYNC_SECRET. */
    public String credential(String name) {
        String value = credentials.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no local demo credential " + name);
        }
        return value;
    }

    public Path log() {
        return log;
    }

    /** The administration API of this server, as the throw-away master-realm administrator. */
    public KeycloakAdmin admin() {
        return new KeycloakAdmin(baseUrl(), ADMIN_USER, adminPassword);
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    /**
     * Who this server is, as text that any class loader of the JVM can read back with {@link #attach}: Quarkus
     * gives each test application start its own class loader, so a static field alone would start a second server
     * for every test profile.
     */
    String describe() {
        return String.join(
                "\n",
                Long.toString(handle.pid()),
                Integer.toString(port),
                adminPassword,
                log.toString(),
                credentials.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(java.util.stream.Collectors.joining("\u0001")));
    }

    /** The server {@link #describe} names, if its process is still alive. */
    static java.util.Optional<KeycloakServer> attach(String description) {
        String[] parts = description.split("\n", -1);
        if (parts.length != 5) {
            return java.util.Optional.empty();
        }
        Map<String, String> credentials = new LinkedHashMap<>();
        for (String pair : parts[4].split("\u0001")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                credentials.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return ProcessHandle.of(Long.parseLong(parts[0]))
                .filter(ProcessHandle::isAlive)
                .map(handle -> new KeycloakServer(
                        null, handle, Integer.parseInt(parts[1]), credentials, Path.of(parts[3]), parts[2]));
    }

    @Override
    public void close() {
        if (handle.isAlive()) {
            handle.descendants().forEach(ProcessHandle::destroy);
            handle.destroy();
            try {
                handle.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                handle.descendants().forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitReady() {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            sleep(Duration.ofMillis(500));
        }
        close();
        throw new IllegalStateException("Keycloak was not ready within " + START_TIMEOUT + "; see " + log);
    }

    static Map<String, String> readEnvFile(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not NAME=value in " + file + ": " + line);
            }
            values.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
        }
        return values;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
