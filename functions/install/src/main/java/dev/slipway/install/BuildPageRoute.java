package dev.slipway.install;

import dev.slipway.access.BuildScope;
import dev.slipway.access.InvalidTokenException;
import dev.slipway.access.LinkSigner;
import dev.slipway.access.Purpose;
import dev.slipway.catalog.BuildRecord;
import dev.slipway.catalog.CatalogException;
import dev.slipway.catalog.Layout;
import dev.slipway.install.page.BuildPage;
import dev.slipway.install.page.PageRenderer;
import dev.slipway.ipa.DeviceFamily;
import dev.slipway.ipa.Installability;
import dev.slipway.manifest.InstallLink;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;

/**
 * {@code GET /b/{build}?t=…}: a build's install page (page token: the build, or its app/channel).
 * Its Install link carries a fresh manifest token that lives minutes.
 */
record BuildPageRoute(AuthorisedBuilds builds, LinkSigner signer, PageRenderer pages, Clock clock,
                      Duration downloadTtl) implements Route.Handler {
    @Override
    public HttpResponse answer(RequestContext request, Matcher path) throws InvalidTokenException, CatalogException {
        String id = path.group(1);
        BuildRecord build = builds.get(request.log("page", "build"), id, Purpose.PAGE);
        String manifestToken = signer.sign(new BuildScope(id), Purpose.MANIFEST, downloadTtl);
        String installLink = InstallLink.forManifest(request.link("/m/" + id + ".plist?t=" + manifestToken));
        String pageUrl = request.link("/b/" + id + "?t=" + request.rawToken()).toString();
        List<String> families = build.deviceFamilies().stream().map(BuildPageRoute::familyLabel).toList();
        BuildPage page = new BuildPage(build.name(), build.bundleId(), Text.orDash(build.version()),
                Text.orDash(build.build()), build.hasIcon() ? request.link("/" + Layout.icon(id, 0)).toString() : null,
                build.size(), build.uploadedAt(), build.channel(), build.releaseNotes(), build.minimumOsVersion(), families,
                build.profileType(), build.profileExpiresAt(), build.teamName(), installLink, pageUrl,
                Installability.assess(build.installFacts(), clock.instant()), request.visitor());
        return HttpResponse.text(200, "text/html; charset=utf-8", pages.build(page));
    }

    private static String familyLabel(String id) {
        for (DeviceFamily family : DeviceFamily.values()) {
            if (family.id().equals(id)) {
                return family.label();
            }
        }
        return id;
    }
}
