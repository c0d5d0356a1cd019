package io.sanctionsrisk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged Quarkus service ({@code target/quarkus-app/quarkus-run.jar}) run as its own process on a free loopback
 * port, the way it runs in production: configured by system properties, ready when {@code /q/health/ready} answers
 * 200, stopped by process id, and restartable on the same port.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

    private final String name;
    private final Path jar;
    private final Map<String, String> properties;
    private final Path log;
    private final int port;
    /** Where a service with a management interface answers /q/* (every service now; the HTTP port is tried too). */
    private final int managementPort;

    private Process process;

    private ServiceProcess(
            String name, Path jar, Map<String, String> properties, Path log, int port, int managementPort) {
        this.name = name;
        this.managementPort = managementPort;
        this.jar = jar;
        this.properties = properties;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the service and waits until it is ready.
     *
     * @param name a short name for the log file and messages
     * @param jar the packaged quarkus-run.jar
     * @param properties system properties (quarkus.http.port is set here and must not be given)
     * @param workDir where the log goes
     */
    public static ServiceProcess start(String name, Path jar, Map<String, String> properties, Path workDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist; package the module first");
        }
        try {
            Files.createDirectories(workDir);
            ServiceProcess service = new ServiceProcess(
                    name,
                    jar,
                    new LinkedHashMap<>(properties),
                    workDir.resolve(name + ".log"),
                    KeycloakServer.freePort(),
                    KeycloakServer.freePort());
            service.start();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The management interface's base URL, where /q/* (health, metrics, OpenAPI) answers. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Stops the process (SIGTERM, then SIGKILL after a grace period). */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the process at once, as a crash would. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts the stopped service again on the same port and waits until it is ready. */
    public void restart() {
        stop();
        start();
    }

    @Override
    public void close() {
        stop();
    }

    private void start() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms64m");
        command.add("-Xmx512m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.host=127.0.0.1");
        command.add("-Dquarkus.management.port=" + managementPort);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::kill, name + "-stop"));
        awaitReady();
    }

    private void awaitReady() {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        // /q/* is on the management port where the service has one, on the HTTP port otherwise
        List<HttpRequest> requests = List.of(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5))
                        .build());
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            for (HttpRequest request : requests) {
                try {
                    if (client.send(request, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + name, e);
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
        kill();
        throw new IllegalStateException(name + " was not ready within " + START_TIMEOUT + "; see " + log);
    }
}
