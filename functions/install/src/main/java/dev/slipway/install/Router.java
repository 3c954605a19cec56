package dev.slipway.install;

import dev.slipway.access.InvalidTokenException;
import dev.slipway.access.LinkSigner;
import dev.slipway.catalog.CatalogException;
import dev.slipway.http.HttpRequest;
import dev.slipway.http.RefusedRequestException;
import dev.slipway.install.page.ErrorPage;
import dev.slipway.install.page.PageRenderer;
import dev.slipway.install.page.Visitor;
import dev.slipway.log.Log;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * The install site: finds the {@link Route} for a path, gives it the {@link RequestContext}, and
 * turns what goes wrong into the same few pages. Every failure to authorise looks like an unknown
 * page from outside (one 404, byte for byte; 410 only for an expired link); every response,
 * errors included, carries the security headers; each request is one log line.
 */
public final class Router {
    private static final Log LOG = Log.of(Router.class);

    private final List<Route> routes;
    private final Origins origins;
    private final LinkSigner signer;
    private final PageRenderer pages;

    /** @param routes tried in order; the first whose path matches answers */
    public Router(List<Route> routes, Origins origins, LinkSigner signer, PageRenderer pages) {
        this.routes = List.copyOf(routes);
        this.origins = origins;
        this.signer = signer;
        this.pages = pages;
    }

    /**
     * Answers one request; never throws.
     *
     * @param requestId Lambda's request id, or null
     */
    public HttpResponse handle(HttpRequest request, String requestId) {
        long started = System.nanoTime();
        Optional<Matched> matched = match(request.path());
        String event = matched.map(m -> m.route().event()).orElse("request.unmatched");
        List<Object> fields = new ArrayList<>(List.of("method", request.method()));
        // Read once: the routes ask who is visiting, and the log line says it.
        Visitor visitor = Visitor.fromUserAgent(request.header("user-agent"));
        HttpResponse response;
        Exception failure = null;
        try {
            URI origin = origins.of(request);
            if (matched.isEmpty()) {
                response = request.method().equals("GET") || request.method().equals("HEAD")
                        ? page(ErrorPage.notFound()) : notAllowed(Route.READ);
            } else if (!matched.get().route().methods().contains(request.method())) {
                response = notAllowed(matched.get().route().methods());
            } else {
                RequestContext context = new RequestContext(request, origin, requestId, signer, visitor);
                try {
                    response = matched.get().route().handler().answer(context, matched.get().path());
                } finally {
                    fields.addAll(context.logFields());
                }
            }
        } catch (RefusedRequestException e) {
            fields.addAll(List.of("refused", e.getMessage()));
            response = page(switch (e.status()) {
                case 403 -> new ErrorPage(403, "Not allowed", "This site answers only through its install address.");
                case 404 -> ErrorPage.notFound();
                default -> new ErrorPage(400, "Bad request", "This request is not one this site can answer.");
            });
        } catch (InvalidTokenException e) {
            // Reason for the log only: from outside a bad, revoked or foreign token is a missing page.
            fields.addAll(List.of("refused", e.reason(), "why", e.getMessage()));
            response = page(e.reason() == InvalidTokenException.Reason.EXPIRED ? ErrorPage.expired() : ErrorPage.notFound());
        } catch (CatalogException | RuntimeException e) {
            // S3 faults, unreadable records, bugs: a plain 500 page, still with every security header.
            failure = e;
            response = page(ErrorPage.serverError());
        }
        fields.addAll(outcome(request, visitor, response, started));
        if (failure != null) {
            LOG.error(event, failure, fields.toArray());
        } else {
            LOG.info(event, fields.toArray());
        }
        return request.method().equals("HEAD") ? response.withoutBody() : response;
    }

    /**
     * The end of every request's line: status, result ({@code ok} below 400, {@code refused} for
     * 4xx, {@code error} for 5xx), latency, and who asked (device, iOS version, client kind).
     */
    private static List<Object> outcome(HttpRequest request, Visitor visitor, HttpResponse response, long started) {
        int status = response.status();
        List<Object> fields = new ArrayList<>(List.of("status", status,
                "result", status < 400 ? "ok" : status < 500 ? "refused" : "error", "ms", (System.nanoTime() - started) / 1_000_000));
        fields.addAll(Client.of(request.header("user-agent"), visitor).logFields());
        return fields;
    }

    private Optional<Matched> match(String path) {
        for (Route route : routes) {
            Matcher m = route.path().matcher(path);
            if (m.matches()) {
                return Optional.of(new Matched(route, m));
            }
        }
        return Optional.empty();
    }

    private HttpResponse notAllowed(Set<String> methods) {
        return page(new ErrorPage(405, "Not allowed", "This site only answers " + String.join(" and ",
                new TreeSet<>(methods)) + " requests.")).withHeader("Allow", String.join(", ", new TreeSet<>(methods)));
    }

    /** An error page, with the status it names. */
    HttpResponse page(ErrorPage error) {
        return HttpResponse.text(error.status(), "text/html; charset=utf-8", pages.error(error));
    }

    private record Matched(Route route, Matcher path) {
    }
}
