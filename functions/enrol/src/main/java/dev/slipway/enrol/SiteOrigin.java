package dev.slipway.enrol;

import dev.slipway.http.HttpRequest;
import dev.slipway.http.RefusedRequestException;
import dev.slipway.site.OriginRule;
import java.net.URI;

/**
 * The site a request came to, by the rule the install function also follows ({@link OriginRule}).
 * It decides the profile's answer URL, the site a challenge is bound to, and where the 301 goes, so
 * a forged {@code Host} moves none of them.
 */
public final class SiteOrigin {
    private final OriginRule rule;

    private SiteOrigin(OriginRule rule) {
        this.rule = rule;
    }

    /**
     * One origin for everything (the local stack's {@code https://HOST:PORT}).
     *
     * @throws IllegalArgumentException if it is not an https origin
     */
    public static SiteOrigin fixed(URI origin) {
        return new SiteOrigin(OriginRule.fixed(origin));
    }

    /**
     * Behind CloudFront: the viewer's host, from requests that carry the secret.
     *
     * @throws IllegalArgumentException if the secret is blank
     */
    public static SiteOrigin behindCloudFront(String secret, String customDomain) {
        return new SiteOrigin(OriginRule.behindCloudFront(secret, customDomain));
    }

    /**
     * @throws RefusedRequestException 400 for a missing or malformed Host or a foreign viewer host,
     *     403 for a request that did not come through CloudFront
     */
    URI of(HttpRequest request) throws RefusedRequestException {
        return rule.of(request::header);
    }
}
