package dev.slipway.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.slipway.catalog.Layout;
import dev.slipway.log.LocalContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What CloudFront and the HTTP API do in AWS, over HTTPS on one port: {@code /static/*} from the
 * bucket's {@code static/} prefix (icons), {@code /enrol/*} through the real enrol handler (device
 * enrolment), everything else through the real install handler, as payload 2.0 events. When the certificate is generated, its authority is offered at
 * {@value #CA_PATH} so a device can be told to trust it.
 */
final class HttpApiServer implements AutoCloseable {
    static final String CA_PATH = "/slipway-local-ca.pem";
    /** CloudFront's behaviour for the bucket's {@code static/} prefix ({@link Layout#ICONS} lives there). */
    private static final String STATIC = "/static/";
    /** The enrol function's routes ({@code GET /enrol/{proxy+}}, {@code POST /enrol/answer}). */
    private static final String ENROL = "/enrol/";
    /** Pages are GETs and a device answer is at most 64 KB; a larger body is not something this API takes. */
    private static final int MAX_BODY = 1024 * 1024;
    private static final int THREADS = 16;

    static {
        // The JDK's server writes a response's headers and body separately; with Nagle's algorithm
        // on, the body waits for the client's delayed ACK of the headers: ~40 ms per response on
        // a kept-alive connection. The server reads this once, when the first one is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpsServer server;
    private final ExecutorService executor;
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> install;
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> enrol;
    private final S3Client s3;
    private final String bucket;
    private final String caPem;

    /**
     * Binds the port now (so a port in use fails here) and serves once {@link #start()} is called.
     *
     * @param caPem the generated authority's certificate to offer, or null
     * @throws IOException if the address cannot be bound
     */
    HttpApiServer(InetSocketAddress address, SSLContext tls, RequestHandler<APIGatewayV2HTTPEvent,
            APIGatewayV2HTTPResponse> install, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> enrol,
                  S3Client s3, String bucket, String caPem) throws IOException {
        this.install = install;
        this.enrol = enrol;
        this.s3 = s3;
        this.bucket = bucket;
        this.caPem = caPem;
        this.server = HttpsServer.create(address, 64);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "slipway-https-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith(STATIC)) {
                serveStatic(exchange, path);
            } else if (caPem != null && path.equals(CA_PATH)) {
                exchange.getResponseHeaders().set("Content-Type", "application/x-x509-ca-cert");
                send(exchange, 200, caPem.getBytes(StandardCharsets.US_ASCII));
            } else {
                invoke(exchange, path.startsWith(ENROL) ? enrol : install);
            }
        } catch (IOException e) {
            // The client went away mid-response; nothing to answer.
        } catch (RuntimeException e) {
            // As API Gateway answers when the function fails (if nothing was sent yet).
            System.err.println("slipway local: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                    + " failed: " + e);
            try {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                send(exchange, 500, "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException | RuntimeException ignored) {
                // Headers were sent already: the client sees the connection close.
            }
        } finally {
            exchange.close();
        }
    }

    private void invoke(HttpExchange exchange, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function)
            throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            send(exchange, 413, new byte[0]);
            return;
        }
        APIGatewayV2HTTPResponse response = function.handleRequest(HttpApiEvents.from(exchange, body),
                new LocalContext(function == enrol ? "slipway-local-enrol" : "slipway-local-install"));
        if (response.getHeaders() != null) {
            response.getHeaders().forEach(exchange.getResponseHeaders()::set);
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> values.forEach(
                    value -> exchange.getResponseHeaders().add(name, value)));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> exchange.getResponseHeaders().add("Set-Cookie", cookie));
        }
        String text = response.getBody() == null ? "" : response.getBody();
        send(exchange, response.getStatusCode(), response.getIsBase64Encoded() ? Base64.getDecoder().decode(text)
                : text.getBytes(StandardCharsets.UTF_8));
    }

    /** As CloudFront serves {@code /static/*} from the bucket: the object with its type and caching. */
    private void serveStatic(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            send(exchange, 405, new byte[0]);
            return;
        }
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        String key = StaticKey.fromRawPath(path);
        if (key == null) {
            notFound(exchange);
            return;
        }
        try {
            if (method.equals("HEAD")) {
                HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
                objectHeaders(exchange, head.contentType(), head.cacheControl(), head.eTag());
                exchange.getResponseHeaders().set("Content-Length", String.valueOf(head.contentLength()));
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            try (ResponseInputStream<GetObjectResponse> object = s3.getObject(b -> b.bucket(bucket).key(key))) {
                GetObjectResponse meta = object.response();
                objectHeaders(exchange, meta.contentType(), meta.cacheControl(), meta.eTag());
                exchange.sendResponseHeaders(200, meta.contentLength() == 0 ? -1 : meta.contentLength());
                try (OutputStream out = exchange.getResponseBody()) {
                    object.transferTo(out);
                }
            }
        } catch (NoSuchKeyException e) {
            notFound(exchange);
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            notFound(exchange);
        }
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(exchange, 404, "Not Found\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static void objectHeaders(HttpExchange exchange, String contentType, String cacheControl, String eTag) {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        if (cacheControl != null) {
            exchange.getResponseHeaders().set("Cache-Control", cacheControl);
        }
        if (eTag != null) {
            exchange.getResponseHeaders().set("ETag", eTag);
        }
    }

    /**
     * Sends status and body. HEAD keeps the handler's headers (its Content-Length) with no body;
     * the JDK server then sends no length of its own.
     */
    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        if (head || body.length == 0 || status == 204 || status == 304) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops accepting, gives requests under way a second, then stops. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
