package io.sanctionsrisk.testing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Packaged services started once per test JVM and shared by name. A module's test classes and its Quarkus test
 * resources may be loaded by different class loaders (each Quarkus application start gets its own), so a static
 * field in a module's test code can exist twice; this class lives in test-support, which is loaded once per JVM
 * like {@link KeycloakTestResource}, so every caller sees the same processes.
 */
public final class SharedServices {

    private static final Map<String, ServiceProcess> SERVICES = new ConcurrentHashMap<>();

    private SharedServices() {}

    /** The service registered under {@code name}, started by {@code start} on first use. */
    public static ServiceProcess getOrStart(String name, Supplier<ServiceProcess> start) {
        synchronized (SERVICES) {
            ServiceProcess service = SERVICES.get(name);
            if (service == null) {
                service = start.get();
                SERVICES.put(name, service);
            }
            return service;
        }
    }

    /** The service registered under {@code name}, if one was started. */
    public static Optional<ServiceProcess> get(String name) {
        return Optional.ofNullable(SERVICES.get(name));
    }
}
