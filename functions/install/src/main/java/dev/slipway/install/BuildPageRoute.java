package dev.slipway.install;

import dev.slipway.access.InvalidTokenException;
import dev.slipway.access.Purpose;
import dev.slipway.catalog.BuildRecord;
import dev.slipway.catalog.CatalogException;
import dev.slipway.catalog.Layout;
import dev.slipway.install.page.BuildPage;
import dev.slipway.install.page.DeviceCheck;
import dev.slipway.install.page.PageRenderer;
import dev.slipway.install.page.Verdict;
import java.util.regex.Matcher;

/**
 * {@code GET /b/{build}?t=…}: a build's install page (page token: the build, or its app/channel).
 * Its Install link carries a fresh manifest token that lives minutes; when the build cannot be
 * installed, the page names the newest one of its app and channel that can.
 */
record BuildPageRoute(AuthorisedBuilds builds, BuildVerdicts verdicts, PageRenderer pages, KnownDevices devices)
        implements Route.Handler {
    @Override
    public HttpResponse answer(RequestContext request, Matcher path)
            throws InvalidTokenException, CatalogException {
        String id = path.group(1);
        BuildRecord build = builds.get(request.log("page", "build"), id, Purpose.PAGE);
        String pageUrl = request.link("/b/" + id + "?t=" + request.rawToken());
        if (KnownDevices.isRedirect(request)) {
            return devices.moveToCookie(request, pageUrl);
        }
        BuildRecord.Profile profile = build.profile();
        Verdict.Build input = verdicts.input(build);
        BuildPage.Builder page = BuildPage.builder()
                .app(build.name(), build.bundleId(), build.hasIcon() ? request.link("/" + Layout.icon(id, 0)) : null)
                .version(Text.orDash(build.version()), Text.orDash(build.build()))
                .upload(build.size(), build.uploadedAt(), build.channel())
                .releaseNotes(build.releaseNotes())
                .requirements(input.minimumOsVersion(), input.deviceFamilies())
                .signing(profile == null ? null : profile.type(), profile == null ? null : profile.expiresAt(),
                        profile == null ? null : profile.team(), input.findings())
                .links(verdicts.installLink(request, id), pageUrl)
                .visitor(request.visitor());
        if (!Verdict.of(input, request.visitor()).installable()) {
            verdicts.newer(request, request.token(Purpose.PAGE), build).ifPresent(page::newerBuild);
        }
        DeviceCheck device = KnownDevices.check(devices.of(request), build, request.visitor(),
                request.link("/enrol/b/" + id + "?t=" + request.rawToken()));
        request.log("verdict", device.status().id());
        return HttpResponse.text(200, "text/html; charset=utf-8", pages.build(page.build(), device));
    }
}
