package dev.slipway.install;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where absolute links point: only at origins the deployment configured, never at whatever a
 * request's {@code Host} says (a request with {@code Host: evil.example} must not get install
 * links to evil.example with fresh tokens in them).
 *
 * <p>In AWS the install function sits behind an HTTP API that anyone can also call directly, and
 * its own domain is not one testers use. CloudFront adds a header carrying a secret generated at
 * deploy time ({@value #ORIGIN_SECRET_HEADER}) to every request it forwards, and a viewer-request
 * function copies the viewer's host, which CloudFront has already matched against the
 * distribution's own domain and aliases, into {@code x-forwarded-host}. That host is used only
 * when the secret is right, and only if it is the custom domain or a CloudFront domain; a request
 * without the secret did not come through CloudFront and is refused. The local stack has one origin,
 * its {@code --host} and port.
 */
public final class Origins {
    /** The header CloudFront's origin configuration adds (template.yaml, Distribution). */
    public static final String ORIGIN_SECRET_HEADER = "x-slipway-origin-secret";
    /** The header the viewer-request function fills with the viewer's host. */
    public static final String FORWARDED_HOST_HEADER = "x-forwarded-host";
    /** A host name or IPv4 address with an optional port: what a Host header may hold. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?");
    private static final Pattern CLOUDFRONT_DOMAIN = Pattern.compile("[a-z0-9]{1,63}\\.cloudfront\\.net");

    private final URI fixed;
    private final byte[] secret;
    private final String customDomain;

    private Origins(URI fixed, String secret, String customDomain) {
        this.fixed = fixed;
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.customDomain = customDomain == null ? "" : customDomain.toLowerCase(Locale.ROOT);
    }

    /**
     * One origin for every link (the local stack's {@code https://HOST:PORT}).
     *
     * @throws IllegalArgumentException if it is not an https origin without path
     */
    public static Origins fixed(URI origin) {
        Objects.requireNonNull(origin, "origin");
        if (!"https".equals(origin.getScheme()) || origin.getHost() == null
                || !(origin.getRawPath() == null || origin.getRawPath().isEmpty())) {
            throw new IllegalArgumentException("not an https origin: " + origin);
        }
        return new Origins(origin, null, "");
    }

    /**
     * Behind CloudFront: the viewer's host, from requests that carry the secret.
     *
     * @param secret the value CloudFront sends in {@value #ORIGIN_SECRET_HEADER}
     * @param customDomain the distribution's custom domain, or ""
     * @throws IllegalArgumentException if the secret is blank
     */
    public static Origins behindCloudFront(String secret, String customDomain) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the CloudFront origin secret is empty");
        }
        return new Origins(null, secret, customDomain);
    }

    /**
     * The https origin of the links in the answer to this request.
     *
     * @throws RefusedRequestException 400 for a missing or malformed {@code Host}; 403 for a request
     *                                 that did not come through CloudFront
     */
    URI of(HttpRequest request) throws RefusedRequestException {
        String host = request.header("host");
        if (host == null || !HOST.matcher(host).matches()) {
            throw new RefusedRequestException(400, "missing or malformed Host header");
        }
        if (fixed != null) {
            return fixed;
        }
        String sent = request.header(ORIGIN_SECRET_HEADER);
        if (sent == null || !MessageDigest.isEqual(secret, sent.getBytes(StandardCharsets.UTF_8))) {
            throw new RefusedRequestException(403, "request did not come through CloudFront");
        }
        String viewer = request.header(FORWARDED_HOST_HEADER);
        String name = viewer == null ? "" : viewer.toLowerCase(Locale.ROOT);
        if (!name.equals(customDomain) && !CLOUDFRONT_DOMAIN.matcher(name).matches()) {
            throw new RefusedRequestException(400, "viewer host is not the distribution's");
        }
        return URI.create("https://" + name);
    }
}
