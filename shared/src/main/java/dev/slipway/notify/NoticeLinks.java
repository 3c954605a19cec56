package dev.slipway.notify;

import dev.slipway.access.BuildScope;
import dev.slipway.access.LinkSigner;
import dev.slipway.access.PageLinks;
import dev.slipway.access.Purpose;
import java.net.URI;
import java.time.Duration;

/**
 * Fresh page links for notices: a build's install page, a rejected upload's failure page.
 *
 * @param signer signs page tokens
 * @param site the install site's origin
 * @param ttl how long the links live (at most a page token's longest life)
 */
public record NoticeLinks(LinkSigner signer, URI site, Duration ttl) {

    public URI page(String buildId) {
        BuildScope scope = new BuildScope(buildId);
        return PageLinks.of(site, signer.sign(scope, Purpose.PAGE, ttl), scope);
    }

    public URI failure(String failureId) {
        return PageLinks.failure(site, signer.sign(new BuildScope(failureId), Purpose.PAGE, ttl), failureId);
    }
}
