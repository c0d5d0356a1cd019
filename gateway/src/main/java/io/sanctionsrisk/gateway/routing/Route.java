package io.sanctionsrisk.gateway.routing;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One row of the route table: requests whose path is {@code prefix} or below it go to {@code backend}; a method
 * is allowed to the roles listed for it, and to nobody when it is not listed.
 *
 * @param rolesByMethod upper-case method to the roles that may use it (HEAD always follows GET)
 * @param batchPaths exact paths whose POST body is a batch, charged to the rate limit by its items
 */
public record Route(
        String name,
        String prefix,
        String backend,
        Map<String, Set<String>> rolesByMethod,
        long maxBodySize,
        Set<String> batchPaths) {

    public Route {
        rolesByMethod = Map.copyOf(rolesByMethod);
        batchPaths = Set.copyOf(batchPaths);
    }

    public Route(String name, String prefix, String backend, Map<String, Set<String>> rolesByMethod, long maxBodySize) {
        this(name, prefix, backend, rolesByMethod, maxBodySize, Set.of());
    }

    /** Whether a request with this method and path sends a batch whose items each cost one rate-limit token. */
    public boolean isBatch(String method, String path) {
        return "POST".equals(method) && batchPaths.contains(path);
    }

    boolean matches(String path) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    /** The roles that may use the method here, or null when the route does not offer the method at all. */
    public Set<String> rolesFor(String method) {
        return rolesByMethod.get(method);
    }

    /** The methods the route offers, for an Allow header. */
    public String allowHeader() {
        return String.join(", ", new TreeSet<>(rolesByMethod.keySet()));
    }
}
