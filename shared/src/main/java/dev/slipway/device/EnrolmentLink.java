package dev.slipway.device;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The page a device enrolled from: its path (a build page {@code /b/{id}} or an app page
 * {@code /a/{bundleId}[/{channel}]}) and the page token that opened it. The device comes back to
 * exactly this page; the token is never stored, only the path.
 *
 * @param path the page's path, without query
 * @param pageToken the page link's token ({@code t})
 */
public record EnrolmentLink(String path, String pageToken) {
    private static final Pattern PATH = Pattern.compile(
            "/b/[a-z2-7]{20}|/a/[A-Za-z0-9.-]{1,155}(?:/[a-z0-9][a-z0-9._-]{0,39})?");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,512}");

    /** @throws IllegalArgumentException if the path is not a page's or the token not a token's shape */
    public EnrolmentLink {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(pageToken, "pageToken");
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("not a build or app page path");
        }
        if (!TOKEN.matcher(pageToken).matches()) {
            throw new IllegalArgumentException("not a page token");
        }
    }

    /** The page's URL on a site, e.g. {@code https://host/b/…?t=…}. */
    public String url(String origin) {
        return origin + path + "?t=" + pageToken;
    }

    /** The build id for a build page, or null for an app page. */
    public String buildId() {
        return path.startsWith("/b/") ? path.substring(3) : null;
    }

    /** The bundle id for an app page, or null for a build page. */
    public String bundleId() {
        if (!path.startsWith("/a/")) {
            return null;
        }
        int slash = path.indexOf('/', 3);
        return slash < 0 ? path.substring(3) : path.substring(3, slash);
    }
}
