package dev.slipway.manifest;

import java.net.URI;
import java.nio.charset.StandardCharsets;

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
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

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
        return PREFIX + encodeComponent(manifestUrl);
    }

    /** RFC 3986 percent-encoding of a whole value: only {@code A-Z a-z 0-9 - . _ ~} stay as they are. */
    public static String encodeComponent(String value) {
        StringBuilder out = new StringBuilder(value.length() * 2);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                    || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }
}
