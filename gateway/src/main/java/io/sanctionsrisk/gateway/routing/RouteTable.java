package io.sanctionsrisk.gateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The route table, checked once at start-up: the longest matching prefix wins, and a path no prefix matches is not
 * forwarded anywhere.
 */
public final class RouteTable {

    /** Methods a route may open to roles; anything else (TRACE, CONNECT, ...) is never forwarded. */
    public static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    /** GET and HEAD: the methods that only read. */
    public static boolean isRead(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    private final List<Route> routes;

    private RouteTable(List<Route> routes) {
        List<Route> sorted = new ArrayList<>(routes);
        sorted.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed());
        this.routes = List.copyOf(sorted);
    }

    /** A table entry as configured, before checks. */
    public record Entry(
            String name,
            String prefix,
            String backend,
            Map<String, List<String>> methods,
            long maxBodySize,
            List<String> batchPaths) {

        public Entry(String name, String prefix, String backend, Map<String, List<String>> methods, long maxBodySize) {
            this(name, prefix, backend, methods, maxBodySize, List.of());
        }
    }

    /**
     * Builds the table and refuses a configuration that could route wrongly.
     *
     * @param readRoles roles for GET and HEAD on routes that do not list GET themselves
     * @param backends the configured backend names
     * @throws IllegalArgumentException naming every problem found
     */
    public static RouteTable of(List<Entry> entries, List<String> readRoles, Set<String> backends) {
        List<String> problems = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        Map<String, String> prefixes = new LinkedHashMap<>();
        if (entries.isEmpty()) {
            problems.add("gateway.routes is empty");
        }
        for (Entry entry : entries) {
            String key = "gateway.routes." + entry.name();
            if (!PREFIX.matcher(entry.prefix()).matches()) {
                problems.add(key + ".prefix '" + entry.prefix()
                        + "' must be a path like /api/v1/things (no trailing slash, no dot segments)");
            } else if (entry.prefix().contains("/./") || entry.prefix().contains("/../")) {
                problems.add(key + ".prefix '" + entry.prefix() + "' has a dot segment");
            }
            String previous = prefixes.putIfAbsent(entry.prefix(), entry.name());
            if (previous != null) {
                problems.add(key + ".prefix '" + entry.prefix() + "' is also the prefix of route " + previous);
            }
            if (!backends.contains(entry.backend())) {
                problems.add(key + ".backend '" + entry.backend() + "' is not one of gateway.backends " + backends);
            }
            if (entry.maxBodySize() < 0) {
                problems.add(key + ".max-body-size must not be negative");
            }
            Map<String, Set<String>> roles = new LinkedHashMap<>();
            roles.put("GET", roleSet(readRoles));
            for (Map.Entry<String, List<String>> method : entry.methods().entrySet()) {
                String name = method.getKey().toUpperCase(Locale.ROOT);
                if (!METHODS.contains(name) || name.equals("HEAD")) {
                    problems.add(key + ".methods." + method.getKey() + " is not one of GET, POST, PUT, PATCH, DELETE");
                    continue;
                }
                Set<String> allowed = roleSet(method.getValue());
                if (allowed.isEmpty()) {
                    problems.add(key + ".methods." + method.getKey() + " names no role");
                }
                roles.put(name, allowed);
            }
            roles.put("HEAD", roles.get("GET"));
            for (String batch : entry.batchPaths()) {
                if (!batch.startsWith(entry.prefix() + "/") || !RequestPaths.isCanonical(batch)) {
                    problems.add(key + ".batch-paths '" + batch + "' is not a path below " + entry.prefix());
                }
            }
            routes.add(new Route(
                    entry.name(),
                    entry.prefix(),
                    entry.backend(),
                    roles,
                    entry.maxBodySize(),
                    Set.copyOf(entry.batchPaths())));
        }
        if (readRoles.stream().allMatch(String::isBlank)) {
            problems.add("gateway.read-roles names no role");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid route table: " + String.join("; ", problems));
        }
        return new RouteTable(routes);
    }

    /** The route owning the path, if any. The path must already be checked by {@link RequestPaths#isCanonical}. */
    public Optional<Route> match(String path) {
        for (Route route : routes) {
            if (route.matches(path)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    public List<Route> routes() {
        return routes;
    }

    private static Set<String> roleSet(List<String> roles) {
        Set<String> set = new LinkedHashSet<>();
        for (String role : roles) {
            if (!role.isBlank()) {
                set.add(role.strip());
            }
        }
        return Set.copyOf(set);
    }
}
