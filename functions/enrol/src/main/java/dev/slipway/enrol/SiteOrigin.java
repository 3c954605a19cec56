package dev.slipway.enrol;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The site a request came to, by the install function's rule ({@code dev.slipway.install.Origins},
 * issue 10 defect 6): in AWS only a request carrying CloudFront's origin secret is believed about
 * the viewer's host, and only if that host is the custom domain or a CloudFront domain; the local
 * stack has one fixed origin. It decides the profile's answer URL, the site a challenge is bound
 * to, and where the 301 goes, so a forged {@code Host} moves none of them.
 */
public final class SiteOrigin {
    static final String ORIGIN_SECRET_HEADER = "x-slipway-origin-secret";
    static final String FORWARDED_HOST_HEADER = "x-forwarded-host";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?");
    private static final Pattern CLOUDFRONT_DOMAIN = Pattern.compile("[a-z0-9]{1,63}\\.cloudfront\\.net");

    private final URI fixed;
    private final byte[] secret;
    private final String customDomain;

    private SiteOrigin(URI fixed, String secret, String customDomain) {
        this.fixed = fixed;
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.customDomain = customDomain == null ? "" : customDomain.toLowerCase(Locale.ROOT);
    }

    /** One origin for everything (the local stack's {@code https://HOST:PORT}). */
    public static SiteOrigin fixed(URI origin) {
        Objects.requireNonNull(origin, "origin");
        if (!"https".equals(origin.getScheme()) || origin.getHost() == null) {
            throw new IllegalArgumentException("not an https origin: " + origin);
        }
        return new SiteOrigin(origin, null, "");
    }

    /**
     * Behind CloudFront: the viewer's host, from requests that carry the secret.
     *
     * @throws IllegalArgumentException if the secret is blank
     */
    public static SiteOrigin behindCloudFront(String secret, String customDomain) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the CloudFront origin secret is empty");
        }
        return new SiteOrigin(null, secret, customDomain);
    }

    /**
     * @throws AnswerRejectedException 400 for a missing or malformed Host or a foreign viewer host,
     *     403 for a request that did not come through CloudFront
     */
    URI of(EnrolRequest request) throws AnswerRejectedException {
        String host = request.header("host");
        if (host == null || !HOST.matcher(host).matches()) {
            throw new AnswerRejectedException(400, "missing or malformed Host header");
        }
        if (fixed != null) {
            return fixed;
        }
        String sent = request.header(ORIGIN_SECRET_HEADER);
        if (sent == null || !MessageDigest.isEqual(secret, sent.getBytes(StandardCharsets.UTF_8))) {
            throw new AnswerRejectedException(403, "request did not come through CloudFront");
        }
        String viewer = request.header(FORWARDED_HOST_HEADER);
        String name = viewer == null ? "" : viewer.toLowerCase(Locale.ROOT);
        if (!name.equals(customDomain) && !CLOUDFRONT_DOMAIN.matcher(name).matches()) {
            throw new AnswerRejectedException(400, "viewer host is not the distribution's");
        }
        return URI.create("https://" + name);
    }
}
