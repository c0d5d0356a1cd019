package io.sanctionsrisk.gateway.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Two real HTTP servers on free loopback ports standing in for sanctions-service and risk-service, and the gateway
 * configuration that points the route table at them. Started once per test JVM; tests reset their behaviour.
 */
public class TestBackends implements QuarkusTestResourceLifecycleManager {

    private static RecordingBackend sanctions;
    private static RecordingBackend risk;
    private static volatile int managementPort;

    public static synchronized RecordingBackend sanctions() {
        if (sanctions == null) {
            sanctions = RecordingBackend.start("sanctions");
        }
        return sanctions;
    }

    public static synchronized RecordingBackend risk() {
        if (risk == null) {
            risk = RecordingBackend.start("risk");
        }
        return risk;
    }

    /** Both backends running and answering with the echo, records cleared. */
    public static void resetAll() {
        for (RecordingBackend backend : new RecordingBackend[] {sanctions(), risk()}) {
            backend.ensureRunning();
            backend.reset();
        }
    }

    /** Whether any backend received a request with this request id (complete or not). */
    public static boolean anyReceived(String requestId) {
        return sanctions().received(requestId).isPresent()
                || risk().received(requestId).isPresent();
    }

    /** The port of the gateway's management interface (/q/*) in the running test. */
    public static int managementPort() {
        return managementPort;
    }

    /** A request to the management interface (health, metrics, OpenAPI, Swagger UI). */
    public static RequestSpecification management() {
        return RestAssured.given().port(managementPort);
    }

    @Override
    public Map<String, String> start() {
        managementPort = freePort();
        return Map.of(
                "gateway.backends.sanctions.url", sanctions().url(),
                "gateway.backends.risk.url", risk().url(),
                "quarkus.management.test-port", Integer.toString(managementPort));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; the servers stop with it
    }
}
