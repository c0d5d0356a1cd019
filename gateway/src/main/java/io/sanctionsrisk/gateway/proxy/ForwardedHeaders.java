package io.sanctionsrisk.gateway.proxy;

import io.sanctionsrisk.gateway.web.RequestIds;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Which headers cross the gateway, in each direction. */
final class ForwardedHeaders {

    /** Hop-by-hop headers (RFC 9110 section 7.6.1) and the ones the gateway sets itself. */
    private static final Set<String> NOT_FORWARDED_TO_BACKEND = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host",
            "expect",
            "cookie",
            "forwarded",
            "x-real-ip",
            "x-request-id");

    private static final Set<String> NOT_FORWARDED_TO_CALLER = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade");

    private static final Set<String> KEPT = Set.of("content-length", "content-type", "authorization");

    private ForwardedHeaders() {}

    /**
     * The headers for the backend: the caller's, less hop-by-hop ones, cookies and any forwarding claims the caller
     * made, plus the gateway's own forwarding headers and request id. The Authorization header (the bearer token)
     * goes through unchanged, so the backend checks the same token.
     */
    static MultiMap toBackend(HttpServerRequest request, String requestId) {
        MultiMap in = request.headers();
        Set<String> dropped = connectionTokens(in);
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        for (Map.Entry<String, String> header : in) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED_TO_BACKEND.contains(name)
                    && !name.startsWith("x-forwarded-")
                    && !dropped.contains(name)) {
                out.add(header.getKey(), header.getValue());
            }
        }
        out.set(RequestIds.HEADER, requestId);
        if (request.remoteAddress() != null) {
            out.set("X-Forwarded-For", request.remoteAddress().hostAddress());
        }
        out.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        if (request.authority() != null) {
            out.set("X-Forwarded-Host", request.authority().toString());
        }
        return out;
    }

    /**
     * Copies the backend's answer headers for the caller, less hop-by-hop ones. A Location pointing at the backend
     * itself becomes a path, so the backend's address never reaches the caller.
     */
    static void toCaller(MultiMap backendHeaders, MultiMap out, String backendOrigin) {
        Set<String> dropped = connectionTokens(backendHeaders);
        for (Map.Entry<String, String> header : backendHeaders) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (NOT_FORWARDED_TO_CALLER.contains(name) || dropped.contains(name)) {
                continue;
            }
            String value = header.getValue();
            if ((name.equals("location") || name.equals("content-location"))
                    && value.startsWith(backendOrigin)
                    && (value.length() == backendOrigin.length() || value.charAt(backendOrigin.length()) == '/')) {
                value = value.length() == backendOrigin.length() ? "/" : value.substring(backendOrigin.length());
            }
            out.add(header.getKey(), value);
        }
    }

    /** Headers named in Connection are hop-by-hop too, except the ones that frame or authorize the message. */
    private static Set<String> connectionTokens(MultiMap headers) {
        Set<String> tokens = new HashSet<>();
        for (String value : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String token : value.split(",")) {
                if (!token.isBlank()) {
                    tokens.add(token.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        tokens.removeAll(KEPT);
        return tokens;
    }
}
