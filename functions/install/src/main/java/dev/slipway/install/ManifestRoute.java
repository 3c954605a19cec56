package dev.slipway.install;

import dev.slipway.access.BuildScope;
import dev.slipway.access.InvalidTokenException;
import dev.slipway.access.LinkSigner;
import dev.slipway.access.Purpose;
import dev.slipway.catalog.BuildRecord;
import dev.slipway.catalog.CatalogException;
import dev.slipway.catalog.Layout;
import dev.slipway.manifest.ManifestData;
import dev.slipway.manifest.OtaManifest;
import java.time.Duration;
import java.util.regex.Matcher;

/**
 * {@code GET /m/{build}.plist?t=…}: the OTA manifest iOS's installer fetches (manifest token, minted
 * by the page), generated per request so its package URL carries a fresh package token.
 */
record ManifestRoute(AuthorisedBuilds builds, LinkSigner signer, Duration downloadTtl) implements Route.Handler {
    @Override
    public HttpResponse answer(RequestContext request, Matcher path) throws InvalidTokenException, CatalogException {
        String id = path.group(1);
        BuildRecord build = builds.get(request, id, Purpose.MANIFEST);
        String packageToken = signer.sign(new BuildScope(id), Purpose.PACKAGE, downloadTtl);
        ManifestData data = new ManifestData(request.linkUri("/d/" + id + ".ipa?t=" + packageToken),
                build.hasIcon() ? request.linkUri("/" + Layout.icon(id, 57)) : null,
                build.hasIcon() ? request.linkUri("/" + Layout.icon(id, 512)) : null,
                build.bundleId(), build.version() != null ? build.version() : build.build(), build.name());
        return HttpResponse.text(200, "text/xml; charset=utf-8", OtaManifest.toXml(data));
    }
}
