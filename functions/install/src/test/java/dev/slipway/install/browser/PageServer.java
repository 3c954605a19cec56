package dev.slipway.install.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.slipway.install.page.Assets;
import dev.slipway.install.page.PageRenderer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Serves rendered pages and their assets on 127.0.0.1 with the headers the install function will
 * send, the strict CSP first, until the real handler replaces it. The CSP here adds a
 * {@code report-uri}, so a test can tell that a browser blocked nothing.
 */
public final class PageServer implements AutoCloseable {
    /** The install pages' CSP, as DESIGN.md gives it. */
    public static final String CSP = "default-src 'none'; img-src 'self' https: data:; style-src 'self'; "
            + "script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final String REPORT_PATH = "/csp-report";

    private final HttpServer server;
    private final Map<String, Function<String, String>> pages = new ConcurrentHashMap<>();
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();

    private PageServer(HttpServer server, Assets assets) {
        this.server = server;
        server.createContext("/", this::page);
        server.createContext(Assets.PATH_PREFIX, exchange -> asset(exchange, assets));
        server.createContext(REPORT_PATH, this::report);
    }

    /** Starts a server on a free port of 127.0.0.1. */
    public static PageServer start(Assets assets) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        PageServer pageServer = new PageServer(server, assets);
        server.start();
        return pageServer;
    }

    /** Pages a test serves, registered with the renderer the install function uses. */
    @FunctionalInterface
    public interface PageSet {
        void register(PageServer server, PageRenderer renderer);
    }

    /** Starts a server on a free port of 127.0.0.1 serving a set of pages and the renderer's assets. */
    public static PageServer start(PageSet pages) throws IOException {
        PageRenderer renderer = new PageRenderer();
        PageServer server = start(renderer.assets());
        pages.register(server, renderer);
        return server;
    }

    /**
     * Serves a page at a path, rendered per request from the request's {@code User-Agent}, as the
     * handler will.
     */
    public void page(String path, Function<String, String> render) {
        pages.put(path, render);
    }

    /** Serves fixed bytes at a path, e.g. an app icon. */
    public void resource(String path, String contentType, byte[] bytes) {
        resources.put(path, new Resource(contentType, bytes.clone()));
    }

    private record Resource(String contentType, byte[] bytes) {
    }

    /** The absolute URL of a path on this server. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The CSP violation reports received so far, as the browsers sent them. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    private void page(HttpExchange exchange) throws IOException {
        Resource resource = resources.get(exchange.getRequestURI().getPath());
        if (resource != null) {
            send(exchange, 200, resource.contentType(), resource.bytes());
            return;
        }
        Function<String, String> render = pages.get(exchange.getRequestURI().getPath());
        if (render == null) {
            send(exchange, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String html = render.apply(exchange.getRequestHeaders().getFirst("User-Agent"));
        exchange.getResponseHeaders().set("Content-Security-Policy", CSP + "; report-uri " + REPORT_PATH);
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static void asset(HttpExchange exchange, Assets assets) throws IOException {
        String name = exchange.getRequestURI().getPath().substring(Assets.PATH_PREFIX.length());
        Optional<Assets.Asset> asset = assets.find(name);
        if (asset.isEmpty()) {
            send(exchange, 404, "text/plain; charset=utf-8", "no such asset".getBytes(StandardCharsets.UTF_8));
            return;
        }
        exchange.getResponseHeaders().set("Cache-Control", "public, max-age=31536000, immutable");
        send(exchange, 200, asset.get().contentType(), asset.get().bytes());
    }

    private void report(HttpExchange exchange) throws IOException {
        violations.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        send(exchange, 204, "text/plain", new byte[0]);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Reports come asynchronously; give them a moment, then expect none but the control page's. */
    public void assertNoCspViolations() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        org.assertj.core.api.Assertions.assertThat(violations())
                .filteredOn(report -> !report.contains(SamplePages.CSP_CONTROL)).isEmpty();
    }

    /** The first CSP report naming {@code path}, waiting up to 5 s for it. */
    public String awaitViolation(String path) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (String report : violations()) {
                if (report.contains(path)) {
                    return report;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no CSP report for " + path + " within 5 s; got " + violations());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
