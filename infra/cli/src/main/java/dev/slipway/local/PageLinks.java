package dev.slipway.local;

import dev.slipway.access.AppScope;
import dev.slipway.access.BuildScope;
import dev.slipway.access.Scope;
import java.net.URI;

/** Where the install site shows a scope: the paths of the install router's page routes ({@code /b/}, {@code /a/}). */
public final class PageLinks {
    private PageLinks() {
    }

    /**
     * The page of a scope on a site: {@code /b/{id}} for a build, {@code /a/{bundleId}[/{channel}]}
     * for an app or one of its channels.
     *
     * @param origin the site, e.g. {@code https://d111111abcdef8.cloudfront.net}
     * @param token a page token for the scope
     */
    public static URI of(URI origin, String token, Scope scope) {
        String path;
        if (scope instanceof BuildScope build) {
            path = "/b/" + build.buildId();
        } else {
            AppScope app = (AppScope) scope;
            path = "/a/" + app.bundleId() + (app.channel() == null ? "" : "/" + app.channel());
        }
        return origin.resolve(path + "?t=" + token);
    }
}
