package dev.slipway.install;

import dev.slipway.access.InvalidTokenException;
import dev.slipway.catalog.CatalogException;
import dev.slipway.http.RefusedRequestException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of address on the install site: the paths it answers, the methods, the event its log
 * line is, and the handler. A new route is one {@link Handler} class and one line in
 * {@link InstallSite#router}, e.g.
 * {@code Route.read("/api/v1/apps/(" + BundleId.FORM.regex() + ")/latest", "update.check", new LatestRoute(...))};
 * the {@link Router} does the rest (method checks, HEAD, error pages, security headers, the log line).
 *
 * @param path matched against the whole raw path; its groups go to the handler
 * @param event the event of the request's log line ({@code page.view}, {@code manifest.fetch}…)
 * @param methods the methods answered (upper case); a HEAD is answered without the body
 */
public record Route(Pattern path, String event, Set<String> methods, Handler handler) {
    /** GET and HEAD. */
    public static final Set<String> READ = Set.of("GET", "HEAD");

    public Route {
        methods = Set.copyOf(methods);
    }

    /** A GET and HEAD route. */
    public static Route read(String regex, String event, Handler handler) {
        return new Route(Pattern.compile(regex, Pattern.DOTALL), event, READ, handler);
    }

    /** What answers a route's requests. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param path the path's match, with the route's groups
         * @throws InvalidTokenException if the token does not reach what was asked for (404, or 410 if expired)
         * @throws RefusedRequestException 404 if there is nothing at this address (the same page as a bad token)
         * @throws CatalogException if a record cannot be read (500)
         */
        HttpResponse answer(RequestContext request, Matcher path)
                throws InvalidTokenException, RefusedRequestException, CatalogException;
    }
}
