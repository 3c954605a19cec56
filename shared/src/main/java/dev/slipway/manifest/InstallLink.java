package dev.slipway.manifest;

import dev.slipway.text.PercentEncoding;
import java.net.URI;

/**
 * The {@code itms-services} link of an Install button.
 *
 * <p>The manifest URL is percent-encoded as a whole (the first encoding layer): every byte outside
 * the unreserved set becomes {@code %XX}, so {@code :}, {@code /}, {@code ?}, {@code &} and
 * {@code %} itself are escaped ({@code %2F} turns into {@code %252F}) and a space is {@code %20},
 * never {@code +}. The link's own {@code &} is a plain {@code &}: HTML escaping ({@code &amp;}) is
 * the template's job and happens nowhere else.
 */
public final class InstallLink {
    private static final String PREFIX = "itms-services://?action=download-manifest&url=";

    private InstallLink() {
    }

    /** The link for a manifest served at {@code manifestUrl} (which must be https). */
    public static String forManifest(URI manifestUrl) {
        return forManifest(manifestUrl.toString());
    }

    /** The link for a manifest served at {@code manifestUrl}, an absolute https URL. */
    public static String forManifest(String manifestUrl) {
        if (!manifestUrl.regionMatches(true, 0, "https://", 0, 8)) {
            throw new IllegalArgumentException("iOS installs only from an https manifest URL: " + manifestUrl);
        }
        return PREFIX + PercentEncoding.encode(manifestUrl);
    }
}
