package dev.slipway.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The bucket key a {@code /static/…} request may read, as CloudFront's origin path confines it:
 * only objects under {@code static/}. Everything else in the bucket (IPAs, records) is reachable
 * only through the install handler's tokens, so a path that could leave {@code static/} after
 * decoding is refused rather than repaired.
 */
final class StaticKey {
    static final String PREFIX = "static/";
    /** What the ingest writes under static/ (icons named by build id): plain segments, nothing to decode twice. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    private static final int MAX_LENGTH = 512;

    private StaticKey() {
    }

    /**
     * Decodes the request's raw path once and returns its key, or null when the path is not plainly
     * a key under {@code static/}: an encoded slash or backslash, a backslash, a {@code .} or
     * {@code ..} segment (encoded or not), an empty segment, a {@code %} left after decoding
     * (double encoding), a malformed escape or any other character an icon key never has.
     */
    static String fromRawPath(String rawPath) {
        if (rawPath == null || rawPath.length() > MAX_LENGTH || !rawPath.startsWith("/" + PREFIX)
                || rawPath.indexOf('\\') >= 0) {
            return null;
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c")) {
            return null;
        }
        String key;
        try {
            key = URLDecoder.decode(rawPath.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!key.startsWith(PREFIX)) {
            return null;
        }
        for (String segment : key.substring(PREFIX.length()).split("/", -1)) {
            // The pattern refuses "", ".", ".." (segments start with a letter, digit or '_'), '%' and '\'.
            if (!SEGMENT.matcher(segment).matches()) {
                return null;
            }
        }
        return key;
    }
}
