package io.sanctionsrisk.gateway.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on a free loopback port that records every request it receives (method, URI, headers, body
 * length and SHA-256, whether the body arrived whole) and answers as the test tells it: an echo by default, or a
 * status, a hang, a streamed answer. It can be stopped and started again on the same port.
 */
public final class RecordingBackend {

    /** What the backend does with one request after reading its body. */
    @FunctionalInterface
    public interface Responder {
        void respond(HttpExchange exchange, Received received) throws IOException;
    }

    /** One request as the backend saw it. */
    public record Received(
            String method,
            String uri,
            Map<String, List<String>> headers,
            long bodyBytes,
            String sha256,
            boolean complete) {

        public String header(String name) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    return header.getValue().get(0);
                }
            }
            return null;
        }

        public String requestId() {
            return header("X-Request-Id");
        }
    }

    private final String name;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 503;
    private volatile Responder responder;
    private volatile BodyObserver bodyObserver;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable);
        thread.setDaemon(true);
        return thread;
    });
    private int port;
    private HttpServer server;

    private RecordingBackend(String name) {
        this.name = name;
        this.responder = this::echo;
    }

    static RecordingBackend start(String name) {
        RecordingBackend backend = new RecordingBackend(name);
        backend.bind(0);
        return backend;
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops listening: connections are refused until {@link #ensureRunning()}. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public synchronized void ensureRunning() {
        if (server == null) {
            bind(port);
        }
    }

    /** Back to the echo answer, with no recorded requests. */
    public void reset() {
        responder = this::echo;
        bodyObserver = null;
        failuresLeft.set(0);
        received.clear();
    }

    /** Answers with the given responder from now on. */
    public void answer(Responder responder) {
        this.responder = responder;
    }

    /** The next {@code count} requests get {@code status} with a small problem body, the rest the current answer. */
    public void failNext(int count, int status) {
        failureStatus = status;
        failuresLeft.set(count);
    }

    /** Called with the running byte count while a body is read, e.g. to signal that the first part arrived. */
    public void observeBody(BodyObserver observer) {
        this.bodyObserver = observer;
    }

    @FunctionalInterface
    public interface BodyObserver {
        void bytesSoFar(long bytes);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Optional<Received> received(String requestId) {
        return received.stream().filter(r -> requestId.equals(r.requestId())).findFirst();
    }

    public long count(String requestId) {
        return received.stream().filter(r -> requestId.equals(r.requestId())).count();
    }

    private synchronized void bind(int wanted) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 64);
            created.setExecutor(executor);
            created.createContext("/", this::handle);
            created.start();
            server = created;
            port = created.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the " + name + " test backend on port " + wanted, e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Received got = read(exchange);
            received.add(got);
            if (!got.complete()) {
                return;
            }
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                send(exchange, failureStatus, "application/problem+json", "{\"status\":" + failureStatus + "}");
                return;
            }
            responder.respond(exchange, got);
        } catch (IOException | RuntimeException e) {
            // the gateway reset the request or the test ended it; already recorded as incomplete when it was
        }
    }

    private Received read(HttpExchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((key, values) -> headers.put(key, List.copyOf(values)));
        MessageDigest digest = sha256();
        long bytes = 0;
        boolean complete = true;
        BodyObserver observer = bodyObserver;
        try (InputStream body = exchange.getRequestBody()) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = body.read(buffer)) >= 0) {
                digest.update(buffer, 0, n);
                bytes += n;
                if (observer != null) {
                    observer.bytesSoFar(bytes);
                }
            }
        } catch (IOException e) {
            complete = false;
        }
        return new Received(
                exchange.getRequestMethod(),
                exchange.getRequestURI().toString(),
                headers,
                bytes,
                HexFormat.of().formatHex(digest.digest()),
                complete);
    }

    /** The default answer: 200 with what the backend saw, as JSON. */
    private void echo(HttpExchange exchange, Received got) throws IOException {
        String json = "{\"backend\":\"" + name + "\",\"method\":\"" + got.method() + "\",\"uri\":\""
                + got.uri().replace("\"", "\\\"") + "\",\"bodyBytes\":" + got.bodyBytes() + ",\"sha256\":\""
                + got.sha256() + "\"}";
        exchange.getResponseHeaders().add("Cache-Control", "max-age=60");
        send(exchange, 200, "application/json", json);
    }

    /** Writes a whole answer (no body for HEAD). */
    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
