package dev.slipway.install;

import dev.slipway.http.HttpRequest;
import dev.slipway.http.RefusedRequestException;
import dev.slipway.site.OriginRule;
import java.net.URI;

/**
 * Where absolute links point: only at origins the deployment configured, never at whatever a
 * request's {@code Host} says (a request with {@code Host: evil.example} must not get install
 * links to evil.example with fresh tokens in them). The rule is {@link OriginRule}, shared with the
 * enrol function; the local stack has one origin, its {@code --host} and port.
 */
public final class Origins {
    /** The header CloudFront's origin configuration adds (template.yaml, Distribution). */
    public static final String ORIGIN_SECRET_HEADER = OriginRule.ORIGIN_SECRET_HEADER;
    /** The header the viewer-request function fills with the viewer's host. */
    public static final String FORWARDED_HOST_HEADER = OriginRule.FORWARDED_HOST_HEADER;

    private final OriginRule rule;

    private Origins(OriginRule rule) {
        this.rule = rule;
    }

    /**
     * One origin for every link (the local stack's {@code https://HOST:PORT}).
     *
     * @throws IllegalArgumentException if it is not an https origin without path
     */
    public static Origins fixed(URI origin) {
        // Links are resolved against the origin: a path in it would be dropped or doubled.
        if (origin != null && !(origin.getRawPath() == null || origin.getRawPath().isEmpty())) {
            throw new IllegalArgumentException("not an https origin: " + origin);
        }
        return new Origins(OriginRule.fixed(origin));
    }

    /**
     * Behind CloudFront: the viewer's host, from requests that carry the secret.
     *
     * @param secret the value CloudFront sends in {@value #ORIGIN_SECRET_HEADER}
     * @param customDomain the distribution's custom domain, or ""
     * @throws IllegalArgumentException if the secret is blank
     */
    public static Origins behindCloudFront(String secret, String customDomain) {
        return new Origins(OriginRule.behindCloudFront(secret, customDomain));
    }

    /**
     * The https origin of the links in the answer to this request.
     *
     * @throws RefusedRequestException 400 for a missing or malformed {@code Host}; 403 for a request
     *                                 that did not come through CloudFront
     */
    URI of(HttpRequest request) throws RefusedRequestException {
        return rule.of(request::header);
    }
}
