package dev.slipway.install;

import dev.slipway.access.InvalidTokenException;
import dev.slipway.access.LinkToken;
import dev.slipway.access.Purpose;
import dev.slipway.catalog.BuildRecord;
import dev.slipway.catalog.CatalogException;
import dev.slipway.catalog.Layout;
import dev.slipway.install.page.BuildPage;
import dev.slipway.install.page.PageRenderer;
import dev.slipway.install.page.Verdict;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /b/{build}?t=…}: a build's install page (page token: the build, or its app/channel).
 * Its Install link carries a fresh manifest token that lives minutes.
 */
final class BuildPageRoute implements Route {
    private static final Pattern PATH = Pattern.compile("/b/([a-z2-7]{20})");

    private final AuthorisedBuilds builds;
    private final BuildVerdicts verdicts;
    private final PageRenderer pages;

    BuildPageRoute(AuthorisedBuilds builds, BuildVerdicts verdicts, PageRenderer pages) {
        this.builds = builds;
        this.verdicts = verdicts;
        this.pages = pages;
    }

    @Override
    public Pattern path() {
        return PATH;
    }

    @Override
    public String event() {
        return "page.view";
    }

    @Override
    public HttpResponse answer(RequestContext request, Matcher path) throws InvalidTokenException, CatalogException {
        String id = path.group(1);
        request.log("page", "build", "build", id);
        LinkToken token = request.token(Purpose.PAGE);
        BuildRecord build = builds.get(token, id);
        request.log("app", build.bundleId(), "channel", build.channel());
        Verdict.Build input = verdicts.input(build);
        BuildPage.Builder page = BuildPage.builder()
                .app(build.name(), build.bundleId(), build.hasIcon() ? request.link("/" + Layout.icon(id, 0)).toString() : null)
                .version(Text.orDash(build.version()), Text.orDash(build.build()))
                .upload(build.size(), build.uploadedAt(), build.channel())
                .releaseNotes(build.releaseNotes())
                .requirements(input.minimumOsVersion(), input.deviceFamilies())
                .signing(build.profileType(), build.profileExpiresAt(), build.teamName(), input.findings())
                .links(verdicts.installLink(request, id), request.link("/b/" + id + "?t=" + request.rawToken()).toString())
                .visitor(request.visitor());
        if (!Verdict.of(input, request.visitor()).installable()) {
            verdicts.newer(request, token, build).ifPresent(page::newerBuild);
        }
        return HttpResponse.text(200, "text/html; charset=utf-8", pages.build(page.build()));
    }
}
