package dev.slipway.install;

import dev.slipway.access.InvalidTokenException;
import dev.slipway.catalog.CatalogException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of address on the install site. A new route is a class implementing this and one line
 * in {@link InstallSite#router}; the {@link Router} does the rest (method checks, HEAD, error pages,
 * security headers, the log line).
 */
public interface Route {
    /** GET and HEAD, the default. */
    Set<String> READ = Set.of("GET", "HEAD");

    /** The paths it answers; matched against the whole raw path, groups handed to {@link #answer}. */
    Pattern path();

    /** The event its log line is ({@code page.view}, {@code manifest.fetch}…). */
    String event();

    /** The methods it answers (upper case); a HEAD is answered without the body. */
    default Set<String> methods() {
        return READ;
    }

    /**
     * @throws InvalidTokenException if the token does not reach what was asked for (404, or 410 if expired)
     * @throws NotFoundException if there is nothing at this address (the same 404)
     * @throws CatalogException if a record cannot be read (500)
     */
    HttpResponse answer(RequestContext request, Matcher path)
            throws InvalidTokenException, NotFoundException, CatalogException;
}
