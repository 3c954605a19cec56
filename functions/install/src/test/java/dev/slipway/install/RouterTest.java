package dev.slipway.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.access.KeyRing;
import dev.slipway.access.LinkSigner;
import dev.slipway.http.HttpRequest;
import dev.slipway.install.page.PageRenderer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The router on its own: how a route added by another feature is answered. */
class RouterTest {
    private static final Origins LOCAL = Origins.fixed(URI.create("https://192.168.1.20:8443"));

    /** A route as a feature would add one: POST only, reading the body, linking on the site. */
    private static final Route ECHO = new Route(Pattern.compile("/echo/([a-z]+)"), "echo.post", Set.of("POST"),
            (request, path) -> HttpResponse.text(200, "text/plain", path.group(1) + " "
                    + new String(request.request().body(), StandardCharsets.UTF_8) + " " + request.link("/x")));

    private final Router router = new Router(List.of(ECHO), LOCAL, new LinkSigner(KeyRing.generate(), Clock.systemUTC()),
            new PageRenderer());

    private static HttpRequest request(String method, String path, String host) {
        return new HttpRequest(method, path, Map.of(), host == null ? Map.of() : Map.of("host", host),
                "hello".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void handle_addedPostRoute_isAnsweredWithTheBodyAndTheConfiguredOrigin() {
        HttpResponse response = router.handle(request("POST", "/echo/abc", "evil.example"), null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("abc hello https://192.168.1.20:8443/x");
        assertThat(response.headers()).containsAllEntriesOf(HttpResponse.SECURITY_HEADERS);
    }

    @Test
    void handle_methodTheRouteDoesNotTake_is405NamingItsMethods() {
        HttpResponse response = router.handle(request("GET", "/echo/abc", "localhost"), null);

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headers()).containsEntry("Allow", "POST").containsAllEntriesOf(HttpResponse.SECURITY_HEADERS);
    }

    @Test
    void handle_unknownPath_is404ForReadsAnd405ForOthers() {
        assertThat(router.handle(request("GET", "/nothing", "localhost"), null).status()).isEqualTo(404);
        assertThat(router.handle(request("HEAD", "/nothing", "localhost"), null).body()).isEmpty();
        assertThat(router.handle(request("DELETE", "/nothing", "localhost"), null).headers())
                .containsEntry("Allow", "GET, HEAD");
    }

    @Test
    void handle_routeThatThrows_is500WithTheSecurityHeaders() {
        Route broken = Route.read("/broken", "broken.view", (request, path) -> {
            throw new IllegalStateException("a bug");
        });
        Router withBroken = new Router(List.of(broken), LOCAL, new LinkSigner(KeyRing.generate(), Clock.systemUTC()),
                new PageRenderer());

        HttpResponse response = withBroken.handle(request("GET", "/broken", "localhost"), "req-1");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.headers()).containsAllEntriesOf(HttpResponse.SECURITY_HEADERS);
        assertThat(response.body()).doesNotContain("a bug");
    }
}
