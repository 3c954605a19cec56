package dev.slipway.notify.webhook;

import com.sun.net.httpserver.HttpServer;
import dev.slipway.notify.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A webhook receiver for tests: the JDK's HTTP server on 127.0.0.1 and a free port, which checks
 * every POST's signature the way a receiver should and records what came. It answers with the
 * statuses it is told to, in order, then 204.
 */
public final class WebhookReceiver implements AutoCloseable {
    /**
     * One POST as received.
     *
     * @param signatureValid whether {@code X-Slipway-Signature-256} matched the body under the secret
     */
    public record Request(String path, Map<String, List<String>> headers, byte[] body, boolean signatureValid,
                          int answeredWith) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String bodyText() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final byte[] secret;
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private WebhookReceiver(byte[] secret) throws IOException {
        this.secret = secret.clone();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            boolean valid = WebhookSignature.verify(this.secret, body,
                    exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER));
            int status;
            synchronized (statuses) {
                status = statuses.isEmpty() ? 204 : statuses.removeFirst();
            }
            requests.add(new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body,
                    valid, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public static WebhookReceiver start(byte[] secret) throws IOException {
        return new WebhookReceiver(secret);
    }

    /** The next answers, before it falls back to 204. */
    public void answer(Integer... next) {
        synchronized (statuses) {
            statuses.addAll(List.of(next));
        }
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Waits up to {@code seconds} for at least {@code count} requests, and returns them all. */
    public List<Request> await(int count, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (requests.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return requests();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
